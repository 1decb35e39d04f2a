use super::*;

fn tera(templates: &[(&str, &str)]) -> Result<Tera, String> {
    let mut tera = Tera::default();
    register_range(&mut tera);
    tera.add_raw_templates(templates.to_vec())
        .map_err(|e| e.to_string())?;
    check(&tera)?;
    Ok(tera)
}

fn render(templates: &[(&str, &str)]) -> Result<String, String> {
    let tera = tera(templates)?;
    tera.render("main", &tera::Context::new())
        .map_err(|e| crate::render::templates::chain(&e))
}

#[test]
fn a_template_that_includes_itself_is_refused_before_rendering() {
    let err = tera(&[("main", "a{% include \"main\" %}")]).unwrap_err();
    assert!(err.contains("main → main"), "{err}");
    let err = tera(&[
        ("main", "{% include \"b\" %}"),
        ("b", "{% include [\"missing\", \"main\"] ignore missing %}"),
    ])
    .unwrap_err();
    assert!(err.contains("b → main → b"), "{err}");
}

#[test]
fn a_macro_that_calls_itself_is_refused_however_it_gets_there() {
    let direct = "{% macro m(n) %}{{ self::m(n=n) }}{% endmacro m %}{{ self::m(n=1) }}";
    let err = tera(&[("main", direct)]).unwrap_err();
    assert!(err.contains("macro m in main → macro m in main"), "{err}");
    // Through an import, an argument and an include inside the macro.
    let err = tera(&[
        ("main", "{% import \"lib\" as lib %}{{ lib::a() }}"),
        (
            "lib",
            "{% macro a() %}{{ self::b(x=[1, self::c()]) }}{% endmacro a %}\
             {% macro b(x) %}x{% endmacro b %}\
             {% macro c() %}{% include \"main\" %}{% endmacro c %}",
        ),
    ])
    .unwrap_err();
    assert!(err.contains("calls itself"), "{err}");
}

#[test]
fn chains_deeper_than_the_limit_are_refused_and_shallow_ones_render() {
    let mut chain: Vec<(String, String)> = (0..MAX_DEPTH)
        .map(|i| (format!("t{i}"), format!("{{% include \"t{}\" %}}", i + 1)))
        .collect();
    chain.push((format!("t{MAX_DEPTH}"), "end".to_string()));
    let refs: Vec<(&str, &str)> = chain
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let err = tera(&refs).unwrap_err();
    assert!(err.contains("deep"), "{err}");
    let ok = render(&[
        (
            "main",
            "{% import \"lib\" as lib %}{{ lib::a() }}{% include \"b\" %}",
        ),
        ("lib", "{% macro a() %}a{% endmacro a %}"),
        ("b", "b"),
    ]);
    assert_eq!(ok.as_deref(), Ok("ab"));
}

#[test]
fn range_works_within_its_budget_and_stops_past_it() {
    let ok = render(&[(
        "main",
        "{% for i in range(start=1, end=8, step_by=3) %}{{ i }}{% endfor %}",
    )]);
    assert_eq!(ok.as_deref(), Ok("147"));
    let err = render(&[("main", "{% for i in range(end=100000000) %}{% endfor %}")]).unwrap_err();
    assert!(err.contains("more than 100000 numbers"), "{err}");
    // Each call is small; together they are not.
    let nested =
        "{% for i in range(end=1000) %}{% for j in range(end=1000) %}{% endfor %}{% endfor %}";
    let err = render(&[("main", nested)]).unwrap_err();
    assert!(err.contains("more than 100000 numbers"), "{err}");
    let err = render(&[("main", "{{ range(end=5, step_by=0) }}")]).unwrap_err();
    assert!(err.contains("step_by"), "{err}");
}
