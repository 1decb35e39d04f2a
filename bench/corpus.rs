//! The benchmark corpus: realistic partnership charters, generated from a seed.
//!
//! Every file depends only on (seed, index, format), so a corpus is reproducible
//! byte for byte on any machine and any file can be regenerated alone. The charters
//! follow docs/format.md and the canonical examples, with the heading and label
//! vocabulary varied through the aliases of rules/default.toml; about a third carry a
//! defect of some kind so the rules have something to report.
//!
//! Shared by the `gen-corpus` and `bench` examples and by tests/bench_corpus.rs.

use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Charters per folder.
pub const PER_FOLDER: usize = 100;
/// Folders per group folder: 10,000 charters are 10 groups of 10 folders of 100.
pub const FOLDERS_PER_GROUP: usize = 10;
/// The date the benchmark passes as `--today`; dates are generated around it so that
/// clean charters are not stale and phases match their status.
pub const TODAY: Day = Day(20_778); // 2026-11-21
/// Marks a folder as a generated corpus, so it may be replaced. Hidden: no walk sees it.
pub const STAMP: &str = ".gen-corpus";
/// Each charter's path and defects, tab-separated, so findings can be checked against
/// what was planted. Hidden too.
pub const MANIFEST: &str = ".manifest.tsv";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Toml,
    /// A mix, one TOML charter in four.
    Both,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "md" | "markdown" => Some(Format::Md),
            "toml" => Some(Format::Toml),
            "both" => Some(Format::Both),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Toml => "toml",
            Format::Both => "both",
        }
    }
}

/// What a generation wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub defective: usize,
    pub md: usize,
    pub toml: usize,
}

// ------------------------------------------------------------------ randomness

/// splitmix64: tiny, fast, good enough for text, and the same on every platform
/// (no dependency whose stream could change between versions).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator of one file: independent of every other file's.
    pub fn for_file(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ 0x5851_f42d_4c95_7f2d);
        let a = r.next_u64();
        Rng(a ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0..n (the modulo bias is irrelevant at these sizes).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// lo..=hi
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True `num` times in `den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ------------------------------------------------------------------ dates

/// A civil date as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub i64);

impl Day {
    pub fn from_ymd(y: i64, m: i64, d: i64) -> Day {
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    pub fn ymd(self) -> (i64, i64, i64) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    /// The Monday on or before this day (1970-01-01 was a Thursday).
    pub fn monday(self) -> Day {
        Day(self.0 - (self.0 + 3).rem_euclid(7))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

// ------------------------------------------------------------------ vocabulary

const COMPANIES: &[&str] = &[
    "Keel",
    "Harbor",
    "Lumen",
    "Tessellate",
    "Quarry",
    "Fathom",
    "Brightwell",
    "Cobalt",
    "Meridian",
    "Parcel",
    "Sextant",
    "Alloy",
    "Beacon",
    "Canopy",
    "Drift",
    "Ember",
    "Foundry",
    "Glint",
    "Hearth",
    "Inlet",
];
const PARTNER_FIRST: &[&str] = &[
    "Northwind",
    "Bluefin",
    "Cedar",
    "Granite",
    "Juniper",
    "Kestrel",
    "Larch",
    "Marlin",
    "Nimbus",
    "Orchard",
    "Pioneer",
    "Quill",
    "Redwood",
    "Summit",
    "Tidewater",
    "Umber",
    "Vantage",
    "Willow",
    "Yarrow",
    "Zephyr",
    "Alder",
    "Birch",
    "Copperline",
    "Delta",
];
const PARTNER_SECOND: &[&str] = &[
    "Ledger",
    "Analytics",
    "Health",
    "Logistics",
    "Payroll",
    "Commerce",
    "Robotics",
    "Labs",
    "Systems",
    "Cloud",
    "Security",
    "Insurance",
    "Freight",
    "Retail",
    "Bank",
    "Learning",
    "Energy",
    "Software",
];
const FIRST_NAMES: &[&str] = &[
    "Dana", "Ravi", "Amara", "Jonas", "Mei", "Tomás", "Priya", "Lena", "Kwame", "Sofia", "Hiro",
    "Nadia", "Owen", "Ines", "Mateo", "Chloé", "Yusuf", "Freya", "Arjun", "Zoe",
];
const LAST_NAMES: &[&str] = &[
    "Ruiz",
    "Shah",
    "Okafor",
    "Berg",
    "Chen",
    "Álvarez",
    "Natarajan",
    "Vogel",
    "Mensah",
    "Rossi",
    "Tanaka",
    "Haddad",
    "Byrne",
    "Costa",
    "Lindqvist",
    "Dubois",
    "Kaya",
    "Novak",
    "Iyer",
    "Walsh",
];
const OWNER_TITLES: &[&str] = &[
    "VP Partnerships",
    "Head of Alliances",
    "Director of Business Development",
    "Partnerships Lead",
    "Head of Ecosystem",
    "Director of Channel Sales",
];
const SPONSOR_TITLES: &[&str] = &[
    "COO",
    "Chief Revenue Officer",
    "CEO",
    "CTO",
    "Chief Product Officer",
];

/// (what we sell, what the partner sells, shared customers, crawl improvement,
/// the customer outcome).
const PRODUCTS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "payment reconciliation",
        "accounting suite",
        "mid-market finance teams",
        "faster month-end close",
        "month-end close takes 2 days instead of 5",
    ),
    (
        "fraud scoring",
        "checkout platform",
        "online retailers",
        "fewer chargebacks",
        "chargebacks fall below 0.4% of orders",
    ),
    (
        "shift scheduling",
        "payroll platform",
        "multi-site restaurants",
        "less time spent on rotas",
        "managers spend 3 hours a week on rotas instead of 8",
    ),
    (
        "route optimisation",
        "fleet telematics",
        "regional carriers",
        "fewer empty miles",
        "empty miles drop from 22% to 12%",
    ),
    (
        "e-signature",
        "CRM",
        "sales teams",
        "shorter contract cycle",
        "contracts are signed in 3 days instead of 9",
    ),
    (
        "inventory forecasting",
        "point-of-sale system",
        "independent grocers",
        "fewer stock-outs",
        "stock-outs fall by half within a season",
    ),
    (
        "identity verification",
        "lending platform",
        "credit unions",
        "faster loan approval",
        "loan decisions take 1 day instead of 4",
    ),
    (
        "usage analytics",
        "billing platform",
        "SaaS companies",
        "fewer billing disputes",
        "billing disputes fall to under 1% of invoices",
    ),
    (
        "patient intake",
        "practice management system",
        "outpatient clinics",
        "shorter check-in time",
        "check-in takes 4 minutes instead of 15",
    ),
    (
        "carbon accounting",
        "ERP",
        "mid-size manufacturers",
        "less reporting effort",
        "the annual emissions report takes 2 weeks instead of 8",
    ),
    (
        "contract review",
        "document management system",
        "in-house legal teams",
        "faster contract review",
        "a standard NDA is reviewed in 1 hour instead of 1 day",
    ),
    (
        "learning paths",
        "HR suite",
        "enterprise HR teams",
        "higher course completion",
        "course completion rises from 35% to 60%",
    ),
];

const WE_GIVE: &[&str] = &[
    "two integration engineers for walk and run",
    "{n} engineers for two quarters",
    "${k}k of launch budget",
    "a dedicated solutions architect (0.5 FTE)",
    "${k}k of co-marketing spend",
    "a 10% referral fee on sourced accounts",
    "one partner manager and ${k}k of enablement budget",
];
const PARTNER_GIVES: &[&str] = &[
    "a {p}% revenue share on referred accounts",
    "one dedicated solutions engineer (1 FTE)",
    "${k}k in marketplace credits",
    "{n} sales engineers trained on the integration",
    "a {p}% discount for joint customers, funded from their margin",
    "${k}k of joint event budget",
    "two quarters of a product manager's time (0.5 FTE)",
];
const WE_LOSE: &[&str] = &[
    "the engineers' two quarters and the launch budget if it fails",
    "{n} engineer-months and ${k}k of budget",
    "a quarter of roadmap space and the launch spend",
    "the enablement budget and our credibility with {segment}",
];
const PARTNER_LOSES: &[&str] = &[
    "its own build effort and a quarter of roadmap space it gave us",
    "{n} engineer-months of build effort and the marketplace credits",
    "the revenue share it forgoes and the sales engineers' time",
    "two quarters of a product manager and its standing with {segment}",
];
const NOTHING: &[&str] = &[
    "nothing",
    "Nothing.",
    "nothing really; they only lend their logo.",
    "nothing at all",
];
const BALANCED: &[&str] = &[
    "yes: both sides fund people and both stand to lose a quarter's work.",
    "yes, roughly: our cash against their roadmap space.",
    "yes; each side would still do this if the other walked away after crawl.",
];
const RUN_CADENCE: &[&str] = &[
    "quarterly business reviews with both executive teams.",
    "a QBR each quarter, chaired by the sponsors.",
    "monthly operating review, quarterly executive review.",
];
const METRICS: &[(&str, &str)] = &[
    ("Adoption of invited customers", "70%"),
    ("Referred accounts", "40 by 2027-12"),
    ("Net revenue retention", "≥ 110%"),
    ("Time to first value", "under 14 days"),
    ("Support tickets per account", "≤ 3 a month"),
    ("Joint pipeline", "$1.2M by Q3"),
    ("Integration uptime", "99.9%"),
    ("Activation rate", "60% within 30 days"),
    ("NPS of shared customers", "≥ 45"),
    ("Co-sold deals", "12 per quarter"),
    ("Churn in integrated accounts", "below 5%"),
    ("Sync failures", "< 0.5% of runs"),
];
const TRACKING: &[&str] = &[
    "the shared partnership dashboard, refreshed weekly.",
    "a joint Looker board fed from both CRMs.",
    "the partner portal's scorecard, updated nightly.",
];
const CADENCE: &[&str] = &[
    "monthly between owners, quarterly with sponsors.",
    "every two weeks during crawl and walk, monthly in run.",
    "weekly in the owners' sync; a written review every month.",
];
const SYNC: &[&str] = &[
    "weekly 30-minute sync between the integration teams.",
    "a fortnightly 45-minute call between owners.",
    "weekly stand-up in the shared channel, monthly call with sponsors.",
];
const EXIT: &[&str] = &[
    "Fewer than {walk_bar}% of invited walk customers adopt by {walk_end}.",
    "The pilot customers see less than 20% {improvement}.",
    "Either side misses its committed headcount for 2 consecutive months.",
    "Referred accounts stay below {n} two quarters into run.",
    "Integration uptime falls below 99.5% for 3 consecutive months.",
    "Joint pipeline is under ${k}k by {run_start}.",
    "Support tickets exceed 5 per account per month for a quarter.",
    "Either side is acquired by a direct competitor of the other within 12 months.",
];
const BACKGROUND: &[&str] = &[
    "Both teams met at the {segment} round table in spring and found that a third of {partner1}'s largest accounts already pay for {company} separately.",
    "Customers have asked for this integration for two years; today they export files from one product and import them into the other every week.",
    "{company} has built three integrations of this kind before, and the lessons from the last one shaped the crawl phase: start with a manual sync and real customers, automate later.",
    "{partner1} is rebuilding its partner programme this year, and this charter is the first to use its new tiers.",
    "The pilot customers were chosen from accounts that already use both products and have a named champion on each side.",
    "Nothing in this charter replaces the commercial agreement; it records what each side expects and when either side may walk away.",
    "Security review is done once, during crawl, by both security teams together; the results are shared with every walk customer.",
    "Pricing for shared customers stays with each side; the integration itself is free for customers of both products.",
    "Support follows the product: tickets about the sync go to {company}, tickets about the {their} go to {partner1}.",
    "Marketing waits for the walk results: no joint announcement before the go/no-go decision at the end of walk.",
    "Data stays in the region where the customer's {their} account lives, and neither side keeps a copy beyond 30 days.",
    "Any change to the go/no-go bars needs both owners' written agreement before the phase starts, never after.",
];
const PLACEHOLDERS: &[&str] = &[
    "TBD",
    "TODO: confirm with finance",
    "<fill in>",
    "???",
    "TBD by legal",
];

/// The seven sections every charter must have, by their pack keys.
pub const SECTIONS: &[&str] = &[
    "goals",
    "value-exchange",
    "timeline",
    "metrics",
    "governance",
    "exit",
    "signatures",
];

/// Headings that name each section (a sample of the pack's aliases, as people write them).
fn headings(section: &str) -> &'static [&'static str] {
    match section {
        "goals" => &[
            "Mutual goals",
            "Goals",
            "Mutual goals & success",
            "Goals and success",
            "What success looks like",
            "Objectives",
            "Shared goals",
            "Partnership goals",
        ],
        "value-exchange" => &[
            "Value exchange",
            "Commitments",
            "Mutual commitments",
            "Give and get",
            "What each side gives",
            "Skin in the game",
            "Deal terms",
            "Exchange of value",
        ],
        "timeline" => &[
            "Timeline",
            "Crawl–Walk–Run Timeline",
            "Crawl, walk, run",
            "Phases",
            "Phased plan",
            "Rollout plan",
            "Milestones",
            "Phased rollout",
        ],
        "metrics" => &[
            "Metrics",
            "KPIs",
            "Measurement",
            "Success metrics",
            "Scorecard",
            "Metrics and targets",
            "How we measure success",
        ],
        "governance" => &[
            "Governance",
            "Decision making",
            "Owners",
            "Roles and responsibilities",
            "Decision rights",
            "Governance & escalation",
            "Who decides",
        ],
        "exit" => &[
            "Exit criteria",
            "Walk away",
            "When to walk away",
            "Termination",
            "Kill criteria",
            "Exit triggers",
            "Off-ramps",
            "When we stop",
        ],
        _ => &["Signatures", "Sign-off", "Approvals", "Signatories"],
    }
}

/// A sentence that opens a section, as people write before the list or table.
fn lead(section: &str) -> &'static [&'static str] {
    match section {
        "goals" => &[
            "Success has to be true for all three parties, or the partnership is not worth running.",
            "Each goal below is measured at the end of run unless it says otherwise.",
        ],
        "value-exchange" => &[
            "Both sides put people and money in; neither side's commitment depends on the other's marketing.",
            "Commitments are budgeted for the whole of crawl and walk; run is budgeted after the walk review.",
        ],
        "timeline" => &[
            "Each phase ends with a go/no-go decision by both owners against the bar in its row.",
            "Dates are the planned windows; a phase only starts once the previous one has passed its gate.",
        ],
        "metrics" => &[
            "Targets are for the end of walk unless stated; both owners see the same numbers.",
            "Every metric has a single source of truth and an owner who reports it.",
        ],
        "governance" => &[
            "Day-to-day decisions stay with the owners; anything that changes scope, budget or dates goes to the sponsors.",
            "Owners keep a written log of decisions in the shared folder.",
        ],
        "exit" => &[
            "Either side may end the partnership with 30 days' notice when any of these holds.",
            "Either side may walk away at a phase review, with 60 days' notice, when one of these holds.",
        ],
        _ => &[
            "Signed by both owners on behalf of their companies.",
            "By signing, both sides accept the commitments and exit criteria above.",
        ],
    }
}

fn emoji(section: &str) -> &'static str {
    match section {
        "goals" => "🎯",
        "value-exchange" => "💰",
        "timeline" => "🗓️",
        "metrics" => "📈",
        "governance" => "🧭",
        "exit" => "🚪",
        _ => "✍️",
    }
}

/// Labels for a field; `{company}` and `{partner}` are filled with the metadata names.
fn labels(field: &str) -> &'static [&'static str] {
    match field {
        "us" => &[
            "For us",
            "For {company}",
            "Success for us",
            "Our goal",
            "{company} goals",
            "Our success",
        ],
        "partner" => &[
            "For the partner",
            "For {partner}",
            "Success for {partner}",
            "Partner success",
            "{partner} goals",
        ],
        "customers" => &[
            "For shared customers",
            "For customers",
            "For joint customers",
            "Customer success",
            "For our shared customers",
        ],
        "we-give" => &[
            "We give",
            "{company} gives",
            "We commit",
            "Our commitment",
            "{company} commits",
            "We contribute",
        ],
        "partner-gives" => &[
            "Partner gives",
            "{partner} gives",
            "{partner} commits",
            "Partner commits",
            "Their commitment",
            "{partner} provides",
        ],
        "we-lose" => &[
            "We lose",
            "At stake for us",
            "Our risk",
            "{company} risks",
            "Our downside",
            "What we lose",
        ],
        "partner-loses" => &[
            "Partner loses",
            "At stake for the partner",
            "{partner} risks",
            "{partner} loses",
            "Their risk",
            "Partner downside",
        ],
        "balanced" => &[
            "Balanced",
            "Is it balanced",
            "Balance check",
            "Would both sides still do this",
        ],
        "run-cadence" => &["Run cadence", "QBRs", "Ongoing cadence", "Business reviews"],
        "tracking" => &["Tracked in", "Dashboard", "Source of truth", "Reporting"],
        "cadence" => &["Review cadence", "Reviews", "Review schedule", "How often"],
        "our-owner" => &[
            "Our owner",
            "{company} owner",
            "Our decision owner",
            "{company} DRI",
            "Our lead",
        ],
        "partner-owner" => &[
            "Partner owner",
            "{partner} owner",
            "Partner decision owner",
            "{partner} lead",
            "Partner DRI",
        ],
        "our-sponsor" => &[
            "Our executive sponsor",
            "{company} sponsor",
            "Our exec sponsor",
        ],
        "partner-sponsor" => &[
            "Partner sponsor",
            "{partner} executive sponsor",
            "Partner executive sponsor",
        ],
        "partner-manager" => &[
            "Partner manager",
            "Dedicated partner manager",
            "Alliance manager",
            "Partnership manager",
        ],
        "escalation" => &[
            "Escalation",
            "Escalation path",
            "Disputes",
            "If we disagree",
            "Dispute resolution",
        ],
        _ => &[
            "Sync cadence",
            "Sync",
            "Meeting cadence",
            "Regular syncs",
            "Operating cadence",
        ],
    }
}

// ------------------------------------------------------------------ the charter

/// The kinds of defect a charter may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    MissingSection,
    Placeholder,
    OverlappingPhases,
    WeakGoNoGo,
    PartnerRisksNothing,
    Unsigned,
    CoMarketingOnly,
    StaleReview,
    InvalidDate,
    NoWalkGate,
    UnknownKey,
}

const DEFECTS: &[Defect] = &[
    Defect::MissingSection,
    Defect::Placeholder,
    Defect::OverlappingPhases,
    Defect::WeakGoNoGo,
    Defect::PartnerRisksNothing,
    Defect::Unsigned,
    Defect::CoMarketingOnly,
    Defect::StaleReview,
    Defect::InvalidDate,
    Defect::NoWalkGate,
    Defect::UnknownKey,
];

struct Phase {
    start: Day,
    end: Option<Day>,
    scope: String,
    gate: String,
    result: String,
}

struct Signature {
    name: String,
    title: String,
    org: String,
    side: &'static str,
    date: Day,
    signed: bool,
}

/// One charter's content, before it is written in either format.
struct Spec {
    company: String,
    partner: String,
    /// The first word of the partner's name, as labels use it.
    partner1: String,
    segment: &'static str,
    theirs: &'static str,
    tier: &'static str,
    tier_word: &'static str,
    leverage: Vec<&'static str>,
    status: &'static str,
    created: String,
    next_review: String,
    /// A date written as a string (an invalid one), which must be quoted in TOML.
    quoted_dates: bool,
    extra_key: Option<(&'static str, &'static str)>,
    intro: String,
    goals: [String; 3],
    give: Vec<(&'static str, String)>,
    phases: Vec<Phase>,
    run_cadence: String,
    metrics: Vec<(String, String)>,
    tracking: String,
    cadence: String,
    governance: Vec<(&'static str, String)>,
    exit: Vec<String>,
    signatures: Vec<Signature>,
    missing: Option<&'static str>,
}

/// Fill `{company}`, `{partner1}`, `{n}`, … in a template.
fn fill(rng: &mut Rng, t: &str, s: &Spec, extra: &[(&str, String)]) -> String {
    let mut out = t.to_string();
    for (k, v) in extra {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out = out
        .replace("{company}", &s.company)
        .replace("{partner1}", &s.partner1)
        .replace("{partner}", &s.partner);
    while out.contains("{n}") {
        out = out.replacen("{n}", &rng.range(2, 12).to_string(), 1);
    }
    while out.contains("{k}") {
        out = out.replacen("{k}", &(rng.range(2, 16) * 5).to_string(), 1);
    }
    while out.contains("{p}") {
        out = out.replacen("{p}", &rng.range(8, 25).to_string(), 1);
    }
    out
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn spec(rng: &mut Rng, defects: &[Defect]) -> Spec {
    let has = |d: Defect| defects.contains(&d);
    let company = rng.pick(COMPANIES).to_string();
    let partner1 = rng.pick(PARTNER_FIRST).to_string();
    let partner = format!("{partner1} {}", rng.pick(PARTNER_SECOND));
    let product = rng.pick(PRODUCTS);
    let (ours, theirs, segment, improvement, outcome) = product;
    let (tier, tier_word) = rng.pick(&[
        ("1", "integration"),
        ("2", "joint-development"),
        ("2", "joint-development"),
        ("3", "strategic"),
        ("\"partnership\"", "joint-development"),
        ("\"Tier 2\"", "joint-development"),
        ("\"strategic\"", "strategic"),
    ]);
    let tier3 = tier_word == "strategic";

    let mut leverage = Vec::new();
    for l in [
        "requirement",
        "economic",
        "competitive",
        "customer",
        "co-marketing",
    ] {
        if rng.chance(2, 5) {
            leverage.push(l);
        }
    }
    if leverage.iter().all(|l| *l == "co-marketing") {
        leverage.insert(0, rng.pick(&["economic", "customer", "requirement"]));
    }
    if has(Defect::CoMarketingOnly) {
        leverage = vec!["co-marketing"];
    }

    // Phases are placed so that today falls in the phase the status names.
    // A draft is unsigned by nature (missing-signature warns), so only the unsigned
    // defect makes drafts.
    let status = if has(Defect::Unsigned) && rng.chance(1, 3) {
        "draft"
    } else {
        rng.pick(&["crawl", "walk", "walk", "run", "run"])
    };
    let crawl_weeks = rng.range(5, 7);
    let walk_weeks = rng.range(9, 11);
    let run_weeks = rng.range(30, 48);
    let monday = TODAY.monday();
    let start = match status {
        "draft" => monday.plus(7 * rng.range(2, 8)),
        "crawl" => monday.plus(-7 * rng.range(0, crawl_weeks - 1)),
        "walk" => monday.plus(-7 * (crawl_weeks + rng.range(0, walk_weeks - 1))),
        _ => monday.plus(-7 * (crawl_weeks + walk_weeks + rng.range(0, 20))),
    };
    let walk_start = start.plus(7 * crawl_weeks);
    let run_start = walk_start.plus(7 * walk_weeks);
    let crawl_bar = if has(Defect::WeakGoNoGo) && rng.chance(1, 2) {
        rng.range(5, 15)
    } else {
        rng.range(20, 30)
    };
    let walk_bar = if has(Defect::WeakGoNoGo) && crawl_bar >= 20 {
        rng.range(40, 60)
    } else {
        rng.range(70, 85)
    };
    let passed = |rng: &mut Rng, bar: i64, what: &str| -> String {
        format!("Passed: {}% {what}", bar + rng.range(3, 20))
    };
    let past_crawl = matches!(status, "walk" | "run");
    let mut phases = vec![
        Phase {
            start,
            end: Some(start.plus(7 * crawl_weeks - 3)),
            scope: format!("{} pilot customers, manual sync", rng.range(2, 4)),
            gate: format!("≥ {crawl_bar}% {improvement}"),
            result: if past_crawl {
                passed(rng, crawl_bar.max(20), improvement)
            } else {
                String::new()
            },
        },
        Phase {
            start: walk_start,
            end: Some(walk_start.plus(7 * walk_weeks - 3)),
            scope: format!("{} more customers, formal integration", rng.range(6, 15)),
            gate: if has(Defect::NoWalkGate) {
                String::new()
            } else {
                format!("≥ {walk_bar}% of invited customers adopt")
            },
            result: if status == "run" {
                passed(rng, walk_bar.max(70), "adopted")
            } else {
                String::new()
            },
        },
        Phase {
            start: run_start,
            end: (!rng.chance(1, 5)).then(|| run_start.plus(7 * run_weeks - 3)),
            scope: rng
                .pick(&[
                    "Marketplace listing, joint selling",
                    "General availability, co-selling in two regions",
                    "Self-serve install, joint pricing page",
                ])
                .to_string(),
            gate: rng
                .pick(&[
                    "ROI model holds at 40 accounts",
                    "Quarterly review",
                    "Net revenue retention ≥ 110%",
                    "Joint pipeline ≥ $1M a quarter",
                ])
                .to_string(),
            result: String::new(),
        },
    ];
    if has(Defect::OverlappingPhases) {
        // Walk starts while crawl is still running.
        let overlap = rng.range(7, 20);
        let i = if rng.chance(1, 2) { 1 } else { 2 };
        let prev_end = phases[i - 1].end.unwrap_or(phases[i - 1].start);
        let len = phases[i].end.map(|e| e.0 - phases[i].start.0);
        phases[i].start = prev_end.plus(-overlap);
        phases[i].end = len.map(|l| phases[i].start.plus(l));
    }

    let created = start
        .plus(-rng.range(7, 28))
        .min(TODAY.plus(-rng.range(1, 10)));
    let mut next_review = TODAY.plus(rng.range(14, 120)).to_string();
    let mut created_text = created.to_string();
    let mut quoted_dates = false;
    if has(Defect::StaleReview) {
        next_review = TODAY.plus(-rng.range(5, 90)).to_string();
    }
    if has(Defect::InvalidDate) {
        quoted_dates = true;
        let bad = rng.pick(&["2027-02-30", "2027-13-05", "2026-04-31", "2027-00-12"]);
        if rng.chance(1, 2) {
            next_review = bad.to_string();
        } else {
            created_text = bad.to_string();
        }
    }

    let mut s = Spec {
        company,
        partner,
        partner1,
        segment,
        theirs,
        tier,
        tier_word,
        leverage,
        status,
        created: created_text,
        next_review,
        quoted_dates,
        extra_key: None,
        intro: String::new(),
        goals: Default::default(),
        give: Vec::new(),
        phases,
        run_cadence: String::new(),
        metrics: Vec::new(),
        tracking: String::new(),
        cadence: String::new(),
        governance: Vec::new(),
        exit: Vec::new(),
        signatures: Vec::new(),
        missing: None,
    };
    let seg = ("segment", segment.to_string());
    s.intro = format!(
        "A {tier_word} (tier {}) partnership: {}'s {ours} built into {}'s {theirs} for {segment}.",
        match tier_word {
            "integration" => 1,
            "strategic" => 3,
            _ => 2,
        },
        s.company,
        s.partner
    );
    let t = rng.pick(&[
        "{n}0 new {segment} accounts sourced through {partner1} by the end of run.",
        "${n}M of influenced pipeline within four quarters of launch.",
        "{n}% of new {segment} deals include the integration by the end of walk.",
    ]);
    let us = fill(rng, t, &s, std::slice::from_ref(&seg));
    let t = rng.pick(&[
        "churn in accounts using the integration falls by {p}% within two quarters.",
        "an attach rate of {p}% on new {their} deals.",
        "{n} new logos a quarter that came for the integration.",
    ]);
    let them = fill(rng, t, &s, &[("their", theirs.to_string())]);
    s.goals = [us, them, format!("{outcome}.")];
    let give = [
        ("we-give", two(rng, WE_GIVE)),
        ("partner-gives", two(rng, PARTNER_GIVES)),
        ("we-lose", rng.pick(WE_LOSE).to_string()),
        (
            "partner-loses",
            if has(Defect::PartnerRisksNothing) {
                rng.pick(NOTHING).to_string()
            } else {
                rng.pick(PARTNER_LOSES).to_string()
            },
        ),
    ];
    for (k, t) in give {
        let v = fill(rng, &t, &s, std::slice::from_ref(&seg));
        s.give.push((k, v));
    }
    // Every charter judges its balance (`balance-unstated`). The draw that once left
    // it out of a quarter of them is still made, so the rest of the corpus stays the
    // same charters.
    let _ = rng.chance(3, 4);
    s.give.push(("balanced", rng.pick(BALANCED).to_string()));
    s.run_cadence = rng.pick(RUN_CADENCE).to_string();
    s.metrics
        .push((capitalize(improvement), format!("≥ {}%", crawl_bar.max(20))));
    let mut pool: Vec<usize> = (0..METRICS.len()).collect();
    for _ in 0..rng.range(4, 8) {
        let (name, target) = METRICS[pool.remove(rng.below(pool.len()))];
        s.metrics.push((name.to_string(), target.to_string()));
    }
    s.tracking = rng.pick(TRACKING).to_string();
    s.cadence = rng.pick(CADENCE).to_string();
    s.governance.push((
        "our-owner",
        format!("{}, {}", person(rng), rng.pick(OWNER_TITLES)),
    ));
    s.governance.push((
        "partner-owner",
        format!("{}, {}", person(rng), rng.pick(OWNER_TITLES)),
    ));
    if tier3 || rng.chance(1, 3) {
        s.governance.push((
            "our-sponsor",
            format!("{}, {}", person(rng), rng.pick(SPONSOR_TITLES)),
        ));
        s.governance.push((
            "partner-sponsor",
            format!("{}, {}", person(rng), rng.pick(SPONSOR_TITLES)),
        ));
    }
    if tier3 || rng.chance(1, 3) {
        s.governance
            .push(("partner-manager", format!("{}, alliance team", person(rng))));
    }
    s.governance
        .push(("sync-cadence", rng.pick(SYNC).to_string()));
    s.governance.push((
        "escalation",
        format!(
            "owners within {} business days, then the two {}s within {}.",
            rng.range(3, 5),
            rng.pick(&["COO", "CRO", "CEO"]),
            rng.range(7, 15)
        ),
    ));
    let mut pool: Vec<usize> = (0..EXIT.len()).collect();
    let walk_end = s.phases[1].end.unwrap_or(walk_start).to_string();
    for _ in 0..rng.range(3, 6) {
        let t = EXIT[pool.remove(rng.below(pool.len()))];
        let extra = [
            ("walk_bar", walk_bar.max(70).to_string()),
            ("walk_end", walk_end.clone()),
            ("improvement", improvement.to_string()),
            ("run_start", run_start.to_string()),
        ];
        let e = fill(rng, t, &s, &extra);
        s.exit.push(e);
    }
    let signed_on = created.plus(rng.range(2, 6));
    let draft = status == "draft";
    for (side, org) in [
        ("company", s.company.clone()),
        ("partner", s.partner.clone()),
    ] {
        let unsigned = draft || (has(Defect::Unsigned) && (side == "partner" || rng.chance(1, 3)));
        s.signatures.push(Signature {
            name: person(rng),
            title: rng.pick(OWNER_TITLES).to_string(),
            org,
            side,
            date: signed_on.plus(rng.range(0, 4)),
            signed: !unsigned,
        });
    }
    if has(Defect::MissingSection) {
        s.missing = Some(rng.pick(SECTIONS));
    }
    if has(Defect::UnknownKey) {
        s.extra_key = Some(rng.pick(&[
            ("region", "\"EMEA\""),
            ("owner", "\"Dana Ruiz\""),
            ("renewal", "2027-06-30"),
            ("parnter-tier", "2"),
        ]));
    }
    if has(Defect::Placeholder) {
        for _ in 0..rng.range(1, 3) {
            let p = rng.pick(PLACEHOLDERS).to_string();
            match rng.below(5) {
                0 => s.goals[2] = p,
                1 => s.give[1].1 = p,
                2 => s.governance.last_mut().expect("escalation").1 = p,
                3 => {
                    let i = rng.below(s.metrics.len());
                    s.metrics[i].1 = p;
                }
                _ => s.tracking = p,
            }
        }
    }
    s
}

/// Two distinct items of a pool, joined.
fn two(rng: &mut Rng, pool: &[&str]) -> String {
    let a = rng.below(pool.len());
    let b = (a + 1 + rng.below(pool.len() - 1)) % pool.len();
    format!("{}, and {}", pool[a], pool[b])
}

fn defects_for(rng: &mut Rng) -> Vec<Defect> {
    if !rng.chance(1, 3) {
        return Vec::new();
    }
    let mut d = vec![rng.pick(DEFECTS)];
    if rng.chance(1, 5) {
        let other = rng.pick(DEFECTS);
        if !d.contains(&other) {
            d.push(other);
        }
    }
    d
}

// ------------------------------------------------------------------ Markdown

/// How a Markdown charter is written: chosen once per file.
struct Style {
    /// `- **Label:** v`, `- Label: v` or `- **Label**: v`
    label: usize,
    /// 0 none, 1 `1.`, 2 `2)`, 3 roman
    numbering: usize,
    emoji: bool,
    partner_label: String,
}

fn roman(n: usize) -> &'static str {
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][n.min(8) - 1]
}

impl Style {
    fn new(rng: &mut Rng, s: &Spec) -> Style {
        Style {
            label: rng.below(3),
            numbering: rng.pick(&[0, 0, 0, 1, 1, 2, 3]),
            emoji: rng.chance(1, 4),
            partner_label: if rng.chance(1, 2) {
                s.partner1.clone()
            } else {
                s.partner.clone()
            },
        }
    }

    fn heading(&self, rng: &mut Rng, n: usize, section: &str) -> String {
        let mut h = String::from("## ");
        match self.numbering {
            1 => write!(h, "{n}. ").unwrap(),
            2 => write!(h, "{n}) ").unwrap(),
            3 => write!(h, "{}. ", roman(n)).unwrap(),
            _ => {}
        }
        if self.emoji {
            h.push_str(emoji(section));
            h.push(' ');
        }
        h.push_str(rng.pick(headings(section)));
        h.push_str("\n\n");
        h
    }

    fn label_text(&self, rng: &mut Rng, field: &str, s: &Spec) -> String {
        rng.pick(labels(field))
            .replace("{company}", &s.company)
            .replace("{partner}", &self.partner_label)
    }

    fn item(&self, rng: &mut Rng, field: &str, value: &str, s: &Spec) -> String {
        let label = self.label_text(rng, field, s);
        match self.label {
            0 => format!("- **{label}:** {value}\n"),
            1 => format!("- {label}: {value}\n"),
            _ => format!("- **{label}**: {value}\n"),
        }
    }
}

/// A two-column table of labelled rows.
fn label_table(rng: &mut Rng, st: &Style, s: &Spec, rows: &[(&str, String)]) -> String {
    let mut out = String::from("| Who | What |\n|-----|------|\n");
    for (field, v) in rows {
        let label = st.label_text(rng, field, s);
        writeln!(out, "| {label} | {} |", v.replace('|', "/")).unwrap();
    }
    out
}

/// Phase names as they appear in a cell or a sub-heading.
fn phase_name(rng: &mut Rng, i: usize) -> &'static str {
    rng.pick(match i {
        0 => &[
            "Crawl",
            "Crawl (pilot)",
            "Phase 1 — Crawl",
            "🐢 Crawl",
            "Pilot",
        ][..],
        1 => &[
            "Walk",
            "Walk (expand)",
            "Phase 2 — Walk",
            "🚶 Walk",
            "Expansion",
        ][..],
        _ => &[
            "Run",
            "Run (scale)",
            "Phase 3 — Run",
            "🏃 Run",
            "General availability",
        ][..],
    })
}

fn markdown_sections(rng: &mut Rng, s: &Spec, st: &Style) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut n = 0;
    for &section in SECTIONS {
        if s.missing == Some(section) {
            continue;
        }
        n += 1;
        let mut b = st.heading(rng, n, section);
        if rng.chance(7, 10) {
            b.push_str(rng.pick(lead(section)));
            b.push_str("\n\n");
        }
        match section {
            "goals" => {
                let fields = ["us", "partner", "customers"];
                if rng.chance(1, 3) {
                    for (f, v) in fields.iter().zip(&s.goals) {
                        let label = st.label_text(rng, f, s);
                        write!(b, "### {label}\n\n{}\n\n", capitalize(v)).unwrap();
                    }
                    b.pop();
                } else {
                    for (f, v) in fields.iter().zip(&s.goals) {
                        b.push_str(&st.item(rng, f, v, s));
                    }
                }
            }
            "value-exchange" => match rng.below(5) {
                0 => b.push_str(&label_table(rng, st, s, &s.give)),
                1 => {
                    for (f, v) in &s.give {
                        let label = st.label_text(rng, f, s);
                        write!(b, "### {label}\n\n{}\n\n", capitalize(v)).unwrap();
                    }
                    b.pop();
                }
                _ => {
                    for (f, v) in &s.give {
                        b.push_str(&st.item(rng, f, v, s));
                    }
                }
            },
            "timeline" => {
                timeline_md(rng, s, &mut b);
                b.push('\n');
                b.push_str(&st.item(rng, "run-cadence", &s.run_cadence, s));
            }
            "metrics" => {
                if rng.chance(2, 3) {
                    let (h, t) = rng.pick(&[
                        ("Metric", "Target"),
                        ("KPI", "Target"),
                        ("Metric", "Goal"),
                        ("Measure", "Threshold"),
                    ]);
                    let owner = rng.chance(1, 3);
                    if owner {
                        write!(b, "| {h} | {t} | Owner |\n|---|---|---|\n").unwrap();
                    } else {
                        write!(b, "| {h} | {t} |\n|---|---|\n").unwrap();
                    }
                    for (m, v) in &s.metrics {
                        if owner {
                            let who =
                                rng.pick(&[s.company.as_str(), st.partner_label.as_str(), "both"]);
                            writeln!(b, "| {m} | {v} | {who} |").unwrap();
                        } else {
                            writeln!(b, "| {m} | {v} |").unwrap();
                        }
                    }
                } else {
                    for (m, v) in &s.metrics {
                        writeln!(b, "- {m}: {v}").unwrap();
                    }
                }
                b.push('\n');
                b.push_str(&st.item(rng, "tracking", &s.tracking, s));
                b.push_str(&st.item(rng, "cadence", &s.cadence, s));
            }
            "governance" => {
                if rng.chance(1, 4) {
                    b.push_str(&label_table(rng, st, s, &s.governance));
                } else {
                    for (f, v) in &s.governance {
                        b.push_str(&st.item(rng, f, v, s));
                    }
                }
            }
            "exit" => {
                let numbered = rng.chance(1, 3);
                for (i, e) in s.exit.iter().enumerate() {
                    if numbered {
                        writeln!(b, "{}. {e}", i + 1).unwrap();
                    } else {
                        writeln!(b, "- {e}").unwrap();
                    }
                }
            }
            _ => {
                for sig in &s.signatures {
                    if sig.signed {
                        writeln!(
                            b,
                            "- [x] {}, {}, {} — {}",
                            sig.name, sig.title, sig.org, sig.date
                        )
                        .unwrap();
                    } else {
                        writeln!(b, "- [ ] {}, {}, {}", sig.name, sig.title, sig.org).unwrap();
                    }
                }
            }
        }
        out.push((section, b));
    }
    out
}

fn timeline_md(rng: &mut Rng, s: &Spec, b: &mut String) {
    let dates = |p: &Phase| match p.end {
        Some(e) => format!("{} to {e}", p.start),
        None => format!("{} onwards", p.start),
    };
    match rng.below(5) {
        0 | 1 => {
            let (ph, sc, gate, res) = rng.pick(&[
                ("Phase", "Deliverables", "Go/No-Go", "Result"),
                ("Stage", "Scope", "Gate", "Outcome"),
                ("Phase", "Scope", "Go/No-Go criteria", "Result"),
            ]);
            writeln!(b, "| {ph} | Start | End | {sc} | {gate} | {res} |").unwrap();
            b.push_str("|-------|------------|------------|------|------|------|\n");
            for (i, p) in s.phases.iter().enumerate() {
                let end = p.end.map(|e| e.to_string()).unwrap_or_default();
                writeln!(
                    b,
                    "| {} | {} | {end} | {} | {} | {} |",
                    phase_name(rng, i),
                    p.start,
                    p.scope,
                    p.gate,
                    p.result
                )
                .unwrap();
            }
        }
        2 => {
            b.push_str("| Phase | Dates | Deliverables | Go/No-Go | Result |\n");
            b.push_str("|-------|-------|--------------|----------|--------|\n");
            for (i, p) in s.phases.iter().enumerate() {
                writeln!(
                    b,
                    "| {} | {} | {} | {} | {} |",
                    phase_name(rng, i),
                    dates(p),
                    p.scope,
                    p.gate,
                    p.result
                )
                .unwrap();
            }
        }
        _ => {
            for (i, p) in s.phases.iter().enumerate() {
                writeln!(b, "### {}\n", phase_name(rng, i)).unwrap();
                writeln!(
                    b,
                    "- {}: {}",
                    rng.pick(&["Dates", "Window", "When"]),
                    dates(p)
                )
                .unwrap();
                writeln!(b, "- {}: {}", rng.pick(&["Deliverables", "Scope"]), p.scope).unwrap();
                if !p.gate.is_empty() {
                    writeln!(
                        b,
                        "- {}: {}",
                        rng.pick(&["Go/No-Go", "Gate", "Exit bar"]),
                        p.gate
                    )
                    .unwrap();
                }
                if !p.result.is_empty() {
                    writeln!(b, "- {}: {}", rng.pick(&["Result", "Outcome"]), p.result).unwrap();
                }
                b.push('\n');
            }
            b.pop();
        }
    }
}

fn front_matter(s: &Spec) -> String {
    let mut f = String::new();
    writeln!(f, "partner = \"{}\"", s.partner).unwrap();
    writeln!(f, "company = \"{}\"", s.company).unwrap();
    writeln!(f, "tier = {}", s.tier).unwrap();
    let lev: Vec<String> = s.leverage.iter().map(|l| format!("\"{l}\"")).collect();
    writeln!(f, "leverage = [{}]", lev.join(", ")).unwrap();
    if s.status != "draft" {
        writeln!(f, "status = \"{}\"", s.status).unwrap();
    }
    let q = if s.quoted_dates { "\"" } else { "" };
    writeln!(f, "created = {q}{}{q}", s.created).unwrap();
    writeln!(f, "next-review = {q}{}{q}", s.next_review).unwrap();
    if let Some((k, v)) = s.extra_key {
        writeln!(f, "{k} = {v}").unwrap();
    }
    f
}

/// Background sentences until `need` bytes are written.
fn padding(rng: &mut Rng, s: &Spec, need: usize) -> String {
    let mut out = String::new();
    let mut pool: Vec<usize> = (0..BACKGROUND.len()).collect();
    while out.len() < need {
        if pool.is_empty() {
            pool = (0..BACKGROUND.len()).collect();
        }
        let t = BACKGROUND[pool.remove(rng.below(pool.len()))];
        let extra = [
            ("segment", s.segment.to_string()),
            ("their", s.theirs.to_string()),
        ];
        let sentence = fill(rng, t, s, &extra);
        if !out.is_empty() {
            out.push(if rng.chance(1, 3) { '\n' } else { ' ' });
            if out.ends_with('\n') {
                out.push('\n');
            }
        }
        out.push_str(&sentence);
    }
    out
}

fn markdown(rng: &mut Rng, s: &Spec) -> String {
    let st = Style::new(rng, s);
    let head = format!(
        "+++\n{}+++\n\n# {} × {}: partnership charter\n\n{}\n\n",
        front_matter(s),
        s.company,
        s.partner,
        s.intro
    );
    let sections = markdown_sections(rng, s, &st);
    let body: usize = sections.iter().map(|(_, b)| b.len() + 1).sum();
    let target = rng.range(3150, 5500) as usize;
    let need = target.saturating_sub(head.len() + body + 16);
    let pad = if need > 0 {
        padding(rng, s, need)
    } else {
        String::new()
    };
    // Context goes before the goals or into closing notes: headings that name no
    // section, which the linter skips with their content.
    let before = rng.chance(1, 2);
    let mut out = head;
    if !pad.is_empty() && before {
        let h = rng.pick(&["Background", "Context", "Why this partnership"]);
        write!(out, "## {h}\n\n{pad}\n\n").unwrap();
    }
    for (_, b) in &sections {
        out.push_str(b);
        out.push('\n');
    }
    if !pad.is_empty() && !before {
        let h = rng.pick(&["Notes", "Appendix: context", "Background"]);
        write!(out, "## {h}\n\n{pad}\n").unwrap();
    } else {
        out.pop();
    }
    out
}

// ------------------------------------------------------------------ TOML

fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A blank line, then sometimes the section's lead sentence as a comment.
fn comment(rng: &mut Rng, body: &mut String, section: &str) {
    body.push('\n');
    if rng.chance(1, 2) {
        writeln!(body, "# {}", rng.pick(lead(section))).unwrap();
    }
}

fn toml(rng: &mut Rng, s: &Spec) -> String {
    let mut body = String::new();
    let skip = |section: &str| s.missing == Some(section);
    if !skip("goals") {
        comment(rng, &mut body, "goals");
        body.push_str("[goals]\n");
        for (k, v) in ["us", "partner", "customers"].iter().zip(&s.goals) {
            writeln!(body, "{k} = {}", toml_str(&capitalize(v))).unwrap();
        }
    }
    if !skip("value-exchange") {
        comment(rng, &mut body, "value-exchange");
        body.push_str("[value-exchange]\n");
        for (k, v) in &s.give {
            writeln!(body, "{k} = {}", toml_str(&capitalize(v))).unwrap();
        }
    }
    if !skip("timeline") {
        comment(rng, &mut body, "timeline");
        writeln!(
            body,
            "[timeline]\nrun-cadence = {}",
            toml_str(&capitalize(&s.run_cadence))
        )
        .unwrap();
        for (p, name) in s.phases.iter().zip(["crawl", "walk", "run"]) {
            writeln!(
                body,
                "\n[[timeline.phase]]\nname = \"{name}\"\nstart = {}",
                p.start
            )
            .unwrap();
            if let Some(e) = p.end {
                writeln!(body, "end = {e}").unwrap();
            }
            writeln!(body, "scope = {}", toml_str(&p.scope)).unwrap();
            if !p.gate.is_empty() {
                writeln!(body, "go-no-go = {}", toml_str(&p.gate)).unwrap();
            }
            if !p.result.is_empty() {
                writeln!(body, "result = {}", toml_str(&p.result)).unwrap();
            }
        }
    }
    if !skip("metrics") {
        comment(rng, &mut body, "metrics");
        writeln!(
            body,
            "[metrics]\ntracking = {}\ncadence = {}",
            toml_str(&capitalize(&s.tracking)),
            toml_str(&capitalize(&s.cadence))
        )
        .unwrap();
        for (m, t) in &s.metrics {
            writeln!(
                body,
                "\n[[metrics.metric]]\nname = {}\ntarget = {}",
                toml_str(m),
                toml_str(t)
            )
            .unwrap();
        }
    }
    if !skip("governance") {
        comment(rng, &mut body, "governance");
        body.push_str("[governance]\n");
        for (k, v) in &s.governance {
            writeln!(body, "{k} = {}", toml_str(&capitalize(v))).unwrap();
        }
    }
    if !skip("exit") {
        comment(rng, &mut body, "exit");
        body.push_str("[exit]\ncriteria = [\n");
        for e in &s.exit {
            writeln!(body, "  {},", toml_str(e)).unwrap();
        }
        body.push_str("]\n");
    }
    if !skip("signatures") {
        for sig in &s.signatures {
            writeln!(
                body,
                "\n[[signatures]]\nside = \"{}\"\nname = {}\ntitle = {}",
                sig.side,
                toml_str(&sig.name),
                toml_str(&sig.title)
            )
            .unwrap();
            if sig.signed {
                writeln!(body, "date = {}\nsigned = true", sig.date).unwrap();
            } else {
                body.push_str("signed = false\n");
            }
        }
    }
    let title = format!(
        "# {} × {}: partnership charter.\n# {}\n",
        s.company, s.partner, s.intro
    );
    let meta = front_matter(s);
    let target = rng.range(3150, 5500) as usize;
    let need = target.saturating_sub(title.len() + meta.len() + body.len() + 8);
    let mut out = title;
    if need > 0 {
        // Context as comments, wrapped like people wrap them.
        out.push_str("#\n");
        let pad = padding(rng, s, need);
        for para in pad.split("\n\n") {
            let mut line = String::from("#");
            for word in para.split(' ') {
                if line.len() + word.len() > 88 {
                    out.push_str(&line);
                    out.push('\n');
                    line = String::from("#");
                }
                line.push(' ');
                line.push_str(word);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(&meta);
    out.push_str(&body);
    out
}

// ------------------------------------------------------------------ files

/// One generated charter.
pub struct Charter {
    /// Path relative to the corpus root.
    pub path: PathBuf,
    pub text: String,
    pub defects: Vec<Defect>,
}

fn slug(s: &str) -> String {
    s.to_ascii_lowercase().replace(' ', "-")
}

/// Whether charter `index` of a corpus is TOML.
fn is_toml(format: Format, seed: u64, index: u64) -> bool {
    match format {
        Format::Md => false,
        Format::Toml => true,
        Format::Both => Rng::for_file(seed ^ 0x746f_6d6c, index).chance(1, 4),
    }
}

/// Charter `index` of the corpus with this seed and format.
pub fn charter(seed: u64, index: u64, format: Format) -> Charter {
    let toml_file = is_toml(format, seed, index);
    let mut rng = Rng::for_file(seed, index);
    let defects = defects_for(&mut rng);
    let s = spec(&mut rng, &defects);
    let text = if toml_file {
        toml(&mut rng, &s)
    } else {
        markdown(&mut rng, &s)
    };
    let folder = index as usize / PER_FOLDER;
    let path = PathBuf::from(format!("b{:03}", folder / FOLDERS_PER_GROUP))
        .join(format!("f{folder:04}"))
        .join(format!(
            "{}-{index:05}.charter.{}",
            slug(&s.partner),
            if toml_file { "toml" } else { "md" }
        ));
    Charter {
        path,
        text,
        defects,
    }
}

/// Write a corpus of `count` charters under `out`, replacing an earlier corpus there
/// (never a folder that is not one: a mistyped `--out .` must not delete anything).
pub fn generate(out: &Path, count: u64, seed: u64, format: Format) -> io::Result<Stats> {
    prepare(out)?;
    let mut stats = Stats::default();
    let mut made = std::collections::HashSet::new();
    let mut manifest = String::from("path\tdefects\n");
    for index in 0..count {
        let c = charter(seed, index, format);
        let path = out.join(&c.path);
        if let Some(dir) = path.parent() {
            if made.insert(dir.to_path_buf()) {
                fs::create_dir_all(dir)?;
            }
        }
        fs::write(&path, &c.text)?;
        stats.files += 1;
        stats.bytes += c.text.len() as u64;
        stats.defective += usize::from(!c.defects.is_empty());
        let defects: Vec<String> = c.defects.iter().map(|d| format!("{d:?}")).collect();
        writeln!(manifest, "{}\t{}", c.path.display(), defects.join(",")).unwrap();
        if c.path.extension().is_some_and(|e| e == "toml") {
            stats.toml += 1;
        } else {
            stats.md += 1;
        }
    }
    // Repositories keep other Markdown next to their charters; the walk must pass it by.
    for group in 0..count.div_ceil((PER_FOLDER * FOLDERS_PER_GROUP) as u64) {
        let readme = out.join(format!("b{group:03}")).join("README.md");
        fs::write(
            readme,
            "# Partner charters\n\nOne charter per partner; `charter lint` checks them.\n",
        )?;
    }
    fs::write(out.join(MANIFEST), manifest)?;
    fs::write(out.join(STAMP), stamp(count, seed, format))?;
    Ok(stats)
}

/// What a stamp says: a corpus with the same stamp need not be regenerated.
pub fn stamp(count: u64, seed: u64, format: Format) -> String {
    // Bump when the generator's output changes.
    format!(
        "gen-corpus v2 count={count} seed={seed} format={}\n",
        format.name()
    )
}

/// Make `out` an empty folder, removing it first only when it holds a generated corpus.
pub fn prepare(out: &Path) -> io::Result<()> {
    if out.exists() {
        if out.join(STAMP).is_file() {
            fs::remove_dir_all(out)?;
        } else if fs::read_dir(out)?.next().is_some() {
            return Err(io::Error::other(format!(
                "{} is not empty and is not a generated corpus; choose another --out",
                out.display()
            )));
        }
    }
    fs::create_dir_all(out)
}

/// One large, valid Markdown charter of about `bytes` bytes: the canonical sections
/// with many metric rows, exit criteria and dated meeting notes, as a charter that has
/// been kept for years would grow.
pub fn big_markdown(seed: u64, bytes: usize) -> String {
    let mut rng = Rng::for_file(seed, u64::MAX);
    let mut s = spec(&mut rng, &[]);
    // Every render uses the same style choices, however much content there is.
    let style = rng.clone();
    let mut notes = String::new();
    let mut i = 0usize;
    let mut day = Day::from_ymd(2024, 1, 1);
    let mut want = bytes;
    loop {
        // Grow by the estimate, then render and check: row lengths vary with the style.
        let mut grown = markdown(&mut style.clone(), &s).len() + notes.len() + 20;
        while grown < want {
            let (m, t) = METRICS[i % METRICS.len()];
            let row = (
                format!("{m} (cohort {})", i / METRICS.len() + 1),
                t.to_string(),
            );
            grown += row.0.len() + row.1.len() + 8;
            s.metrics.push(row);
            if i % 2 == 0 {
                let e = format!(
                    "Cohort {} falls below {}% adoption for {} consecutive months.",
                    i / 2 + 1,
                    50 + i % 40,
                    2 + i % 3
                );
                grown += e.len() + 3;
                s.exit.push(e);
            }
            if i % 3 == 0 {
                day = day.plus(7);
                let n = format!(
                    "### {day} sync\n\n- Attendees: {}, {}\n- Decided: {}\n- Next: review cohort {} numbers by {}\n\n",
                    person(&mut rng),
                    person(&mut rng),
                    rng.pick(&[
                        "keep the walk bar at 70%",
                        "add two pilot customers",
                        "move the QBR to the first week of the quarter",
                        "no change",
                    ]),
                    i / 3 + 1,
                    day.plus(14)
                );
                grown += n.len();
                notes.push_str(&n);
            }
            i += 1;
        }
        let mut out = markdown(&mut style.clone(), &s);
        out.push_str("\n## Meeting notes\n\n");
        out.push_str(notes.trim_end());
        out.push('\n');
        if out.len() >= bytes {
            return out;
        }
        want += bytes - out.len();
    }
}

/// A pathological charter of about `bytes` bytes: a whole charter whose timeline table
/// has as many rows as fit, crawl, walk and run in random order with random dates, so
/// phases repeat, overlap and run out of order on nearly every row. A rule or reader
/// that compares every phase with every other (as `phase-order` once did: 67 s on
/// 10 MB) shows here as time growing with the square of the size.
pub fn timeline_markdown(seed: u64, bytes: usize) -> String {
    let mut rng = Rng::for_file(seed, u64::MAX - 1);
    let head = "+++\npartner = \"Northwind Ledger\"\ncompany = \"Keel\"\ntier = 2\n\
        leverage = [\"economic\", \"customer\"]\nstatus = \"walk\"\ncreated = 2026-08-24\n\
        next-review = 2027-01-15\n+++\n\n# Keel × Northwind Ledger: partnership charter\n\n\
        ## Mutual goals\n\n- **For us:** 40 new accounts through Northwind by the end of run.\n\
        - **For the partner:** churn falls by 15% within two quarters.\n\
        - **For shared customers:** month-end close takes 2 days instead of 5.\n\n\
        ## Value exchange\n\n- **We give:** two engineers and $40k of launch budget.\n\
        - **Partner gives:** a 15% revenue share on referred accounts.\n\
        - **We lose:** the engineers' two quarters if it fails.\n\
        - **Partner loses:** a quarter of roadmap space.\n\n\
        ## Timeline\n\n| Phase | Start | End | Deliverables | Go/No-Go |\n|---|---|---|---|---|\n";
    let tail = "\n## Metrics\n\n| Metric | Target |\n|---|---|\n| Month-end close time | 2 days or less |\n\n\
        - **Review cadence:** monthly.\n\n## Governance\n\n- **Our owner:** Dana Ruiz\n\
        - **Partner owner:** Ravi Shah\n- **Escalation:** the two COOs within 10 days.\n\n\
        ## Exit criteria\n\n- Fewer than 70% of invited customers adopt by 2027-01-22.\n\n\
        ## Signatures\n\n- [x] Dana Ruiz, VP Partnerships, Keel — 2026-08-28\n\
        - [x] Ravi Shah, Head of Alliances, Northwind Ledger — 2026-08-31\n";
    let mut out = String::with_capacity(bytes + 200);
    out.push_str(head);
    let base = Day::from_ymd(2024, 1, 1);
    let mut row = 0usize;
    while out.len() + tail.len() < bytes {
        let start = base.plus(rng.range(0, 1500));
        let end = start.plus(rng.range(14, 120));
        out.push_str(&format!(
            "| {} | {start} | {end} | {} pilot customers, cohort {row} | ≥ {}% faster close |\n",
            rng.pick(&["Crawl", "Walk", "Run"]),
            rng.range(2, 40),
            rng.range(5, 80),
        ));
        row += 1;
    }
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(Day::from_ymd(2026, 11, 21), TODAY);
        assert_eq!(TODAY.to_string(), "2026-11-21");
        assert_eq!(TODAY.monday().to_string(), "2026-11-16");
        assert_eq!(Day::from_ymd(2024, 2, 29).plus(1).to_string(), "2024-03-01");
    }
}
