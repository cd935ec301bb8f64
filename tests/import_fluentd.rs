//! `monctl import` of fluent.conf files: through the import pipeline (detection, placement in
//! the native file, the schema walk and the spec loader) each of Fluentd's own configs
//! (../shared/corpus/fluentd/good) and the seed's gives the same `logs.pipeline` the parser
//! reads; what the spec has no place for (`@include`, `<worker>`) is refused at its line.

mod support;

use monctl::import::fluentd::{parse, pipeline_from_tree};
use monctl::import::prometheus::{import, Imported, NativeKind};
use monctl::SourceFile;

fn imported(name: &str, text: &str) -> Imported {
    import(&[SourceFile::new(name, text)], &[None])
}

/// Imports `text` and checks that the spec's pipeline is the parser's; returns the errors.
fn round_trip(name: &str, text: &str) -> Vec<String> {
    let i = imported(name, text);
    assert_eq!(i.kinds, [NativeKind::Fluentd], "{name}: not detected");
    let errors: Vec<String> = i
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.code.starts_with('S'))
        .map(|d| {
            let line = d.location.as_ref().map(|l| l.start.line).unwrap_or(0);
            format!("{line}: {} {}", d.code, d.message)
        })
        .collect();
    if errors.is_empty() {
        let (expected, _) = pipeline_from_tree(&parse(text).expect("parses"));
        let spec = i.spec.expect("a spec");
        let got = spec.logs.and_then(|l| l.pipeline).expect("a pipeline");
        assert_eq!(got, expected, "{name}: the imported pipeline differs");
    }
    errors
}

#[test]
fn fluentds_own_configs_import_to_the_pipeline_the_parser_reads() {
    let Some(dir) = support::corpus("fluentd/good") else {
        return;
    };
    let files = support::files_under(&dir, &[".conf"]);
    assert!(files.len() >= 30, "only {} good configs", files.len());
    let mut clean = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let name = f.display().to_string();
        let errors = round_trip(&name, &text);
        // What may be refused: only a part the spec has no place for, named, at its line.
        for e in &errors {
            assert!(
                e.contains("cannot be expressed in the spec yet") && !e.starts_with("0:"),
                "{name}: {e}"
            );
        }
        clean += usize::from(errors.is_empty());
    }
    println!(
        "fluentd: {clean} of {} configs import with no error",
        files.len()
    );
    assert!(clean * 10 >= files.len() * 7, "{clean} of {}", files.len());
}

#[test]
fn the_seeds_fluent_conf_imports() {
    let path = support::repo_root().join("../shared/seed/configs/fluentd.conf");
    let Ok(text) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing in CI",
            path.display()
        );
        eprintln!(
            "WARNING: {} is missing: the seed test is skipped",
            path.display()
        );
        return;
    };
    assert_eq!(round_trip("fluentd.conf", &text), Vec::<String>::new());
}

#[test]
fn an_include_and_an_unknown_section_are_refused_at_their_lines() {
    let text = "@include extra.conf\n<source>\n  @type forward\n</source>\n<worker 0>\n  <source>\n    @type tail\n  </source>\n</worker>\n";
    let errors = round_trip("fluent.conf", text);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("1: ") && errors[0].contains("@include"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("5: ") && errors[1].contains("<worker>"),
        "{errors:?}"
    );
}

#[test]
fn a_syntax_error_is_refused_at_its_position() {
    let text = "<source>\n  @type forward\n";
    let i = imported("fluent.conf", text);
    let refused: Vec<_> = i.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(refused.len(), 1, "{:?}", i.diagnostics);
    assert!(refused[0].location.is_some());
    assert!(i.spec.is_none());
}
