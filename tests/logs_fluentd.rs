//! The Fluentd v1 config parser against real configs written by others (Fluentd's own examples and
//! parser test cases in ../shared/corpus/fluentd), the seed's fluent.conf, and the round trip of
//! every generated fluent.conf: parse -> import -> the spec's pipeline, unchanged (but for the
//! Elasticsearch address monctl fills in from the stack where an output names none).

mod support;

use monctl::import::fluentd::{parse, pipeline_from_tree};

#[test]
fn accepts_every_good_corpus_config() {
    let Some(dir) = support::corpus("fluentd/good") else {
        return;
    };
    let files = support::files_under(&dir, &[".conf"]);
    assert!(files.len() >= 30, "only {} good configs", files.len());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        if let Err(e) = parse(&text) {
            panic!("{}: {e}", f.display());
        }
    }
}

#[test]
fn rejects_every_bad_corpus_config_with_a_position() {
    let Some(dir) = support::corpus("fluentd/bad") else {
        return;
    };
    let expected = support::corpus("expected")
        .map(|d| std::fs::read_to_string(d.join("fluentd_parser_expected.tsv")).unwrap())
        .unwrap_or_default();
    let named: Vec<&str> = expected
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    let files = support::files_under(&dir, &[".conf"]);
    assert!(!files.is_empty());
    for name in &named {
        assert!(
            files.iter().any(|f| f.file_name().unwrap() == *name),
            "{name} is expected but missing"
        );
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        match parse(&text) {
            Ok(tree) => panic!("{} was accepted: {tree:?}", f.display()),
            Err(e) => {
                let lines = text.lines().count().max(1) as u32;
                assert!(
                    e.line >= 1 && e.line <= lines + 1 && e.column >= 1,
                    "{}: bad position {e}",
                    f.display()
                );
            }
        }
    }
}

#[test]
fn bad_configs_fail_where_fluentd_fails() {
    let cases = [
        ("  k1 \"a\" 1\n", 1, 9, "expected end of line"),
        ("  k1 '\\'\n", 1, 9, "single-quoted"),
        ("<source>\n  @k v\n</source>\n", 2, 3, "reserved prefix"),
        ("<test></test>\n", 1, 7, "end of line after tag"),
        ("<a>\n</a><b>\n</b>\n", 2, 5, "end of line after end tag"),
    ];
    for (text, line, column, message) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{text:?}: {e}");
        assert!(e.message.contains(message), "{text:?}: {e}");
    }
}

#[test]
fn the_seeds_fluent_conf_parses_and_imports() {
    let path = support::repo_root().join("../shared/seed/configs/fluentd.conf");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("!!!!!!!! WARNING: {} is missing: SKIPPED", path.display());
        return;
    };
    let tree = parse(&text).unwrap();
    let (pipeline, skipped) = pipeline_from_tree(&tree);
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(pipeline.sources.len(), 4);
    assert_eq!(pipeline.route.len(), 7);
    let s = &pipeline.sources[0];
    assert_eq!(s.tag.as_deref(), Some("mall-go.app"));
    assert_eq!(
        s.parse.as_ref().unwrap().time_key.as_deref(),
        Some("@timestamp")
    );
}

#[test]
fn every_generated_fluent_conf_reparses_to_the_spec_pipeline() {
    let mut examples: Vec<String> = std::fs::read_dir(support::repo_root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    examples.sort();
    let mut checked = 0;
    for example in &examples {
        let files = support::example(example);
        let (model, diagnostics) = monctl::load_model(&files);
        let model = model.unwrap_or_else(|| panic!("{diagnostics:#?}"));
        let Some(mut pipeline) = model.spec.logs.as_ref().and_then(|l| l.pipeline.clone()) else {
            continue;
        };
        if let Some((host, port)) = model.stack.elasticsearch_address() {
            with_stack_address(&mut pipeline, host, port);
        }
        checked += 1;
        let (artifacts, _) = monctl::generate(&files).unwrap();
        let conf = artifacts
            .iter()
            .find(|a| a.path == "fluentd/fluent.conf")
            .unwrap();
        let tree = parse(&conf.content).unwrap_or_else(|e| panic!("{example}: {e}"));
        let (imported, skipped) = pipeline_from_tree(&tree);
        assert!(skipped.is_empty());
        assert_eq!(
            normalise(imported),
            normalise(pipeline),
            "{example}: fluent.conf does not read back as the spec's pipeline"
        );
    }
    assert!(checked >= 1, "no example has a pipeline");
}

/// The spec's pipeline as monctl writes it: an Elasticsearch output that names no host (nor
/// `hosts`, `cloud_id`) gets the stack's Elasticsearch host, and its port unless it names one.
fn with_stack_address(p: &mut monctl::spec::logs::Pipeline, host: &str, port: u16) {
    use monctl::spec::logs::pipeline::{Output, Step};
    use monctl::spec::logs::Param;
    fn fill(o: &mut Output, host: &str, port: u16) {
        let names =
            o.host.is_some() || o.params.contains_key("hosts") || o.params.contains_key("cloud_id");
        if o.plugin.starts_with("elasticsearch") && !names {
            o.host = Some(Param::Text(host.to_string()));
            o.port.get_or_insert(Param::Text(port.to_string()));
        }
        o.store.iter_mut().for_each(|s| fill(s, host, port));
        if let Some(s) = o.secondary.as_mut() {
            fill(s, host, port);
        }
    }
    let routes = std::iter::once(&mut p.route).chain(p.labels.iter_mut().map(|l| &mut l.route));
    for route in routes {
        for step in route.iter_mut() {
            if let Step::Match(o) = step {
                fill(o, host, port);
            }
        }
    }
}

/// Typed scalars read back as text from a config file: compare through their Fluentd text.
fn normalise(p: monctl::spec::logs::Pipeline) -> String {
    let v = serde_json::to_value(&p).unwrap();
    fn walk(v: &serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Bool(b) => Value::from(b.to_string()),
            Value::Number(n) => Value::from(n.to_string()),
            Value::Array(a) if a.iter().all(|x| !x.is_object()) && !a.is_empty() => {
                Value::from(v.to_string())
            }
            Value::Array(a) => Value::Array(a.iter().map(walk).collect()),
            Value::Object(o) => {
                Value::Object(o.iter().map(|(k, x)| (k.clone(), walk(x))).collect())
            }
            other => other.clone(),
        }
    }
    serde_json::to_string_pretty(&walk(&v)).unwrap()
}
