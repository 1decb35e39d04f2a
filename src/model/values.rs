//! The closed sets of values the metadata names: tier, status, leverage.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Integration = 1,
    Partnership = 2,
    Strategic = 3,
}

impl Tier {
    /// `1`, `2`, `3`, `tier 2`, `integration`, `partnership`, `strategic` (any case).
    pub fn parse(s: &str) -> Option<Tier> {
        let s = s.trim();
        // Compared in place, any case: no lowercased copy.
        let s = match s.as_bytes().get(..4) {
            Some(head) if head.eq_ignore_ascii_case(b"tier") => s[4..].trim(),
            _ => s,
        };
        let is = |word: &str| s.eq_ignore_ascii_case(word);
        if is("1") || is("integration") {
            Some(Tier::Integration)
        } else if is("2") || is("partnership") {
            Some(Tier::Partnership)
        } else if is("3") || is("strategic") {
            Some(Tier::Strategic)
        } else {
            None
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::Integration => "integration",
            Tier::Partnership => "partnership",
            Tier::Strategic => "strategic",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Draft,
    Crawl,
    Walk,
    Run,
    Ended,
}

impl Status {
    /// Whether a charter with this status (parsed, `None` when missing or unknown) is
    /// a draft: see [`super::Meta::is_draft`].
    pub fn is_draft(status: Option<Status>) -> bool {
        matches!(status, None | Some(Status::Draft))
    }

    pub fn parse(s: &str) -> Option<Status> {
        let s = s.trim();
        // Compared in place, any case: no lowercased copy.
        [
            ("draft", Status::Draft),
            ("crawl", Status::Crawl),
            ("walk", Status::Walk),
            ("run", Status::Run),
            ("ended", Status::Ended),
        ]
        .into_iter()
        .find_map(|(name, status)| s.eq_ignore_ascii_case(name).then_some(status))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leverage {
    Requirement,
    Economic,
    Competitive,
    Customer,
    CoMarketing,
}

impl Leverage {
    /// Accepts `co-marketing`, `co marketing`, `comarketing`, `Co_Marketing`.
    pub fn parse(s: &str) -> Option<Leverage> {
        // The ASCII letters and digits, lowercased, into a buffer as long as the
        // longest name: no allocation, and a longer value is none of them.
        let mut buf = [0u8; 11];
        let mut len = 0;
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            *buf.get_mut(len)? = b.to_ascii_lowercase();
            len += 1;
        }
        match &buf[..len] {
            b"requirement" => Some(Leverage::Requirement),
            b"economic" => Some(Leverage::Economic),
            b"competitive" => Some(Leverage::Competitive),
            b"customer" => Some(Leverage::Customer),
            b"comarketing" => Some(Leverage::CoMarketing),
            _ => None,
        }
    }
}
