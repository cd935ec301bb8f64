//! Import of Fluentd v1 config syntax: the parser (for import and tests) and fluent.conf into `logs.pipeline` (issue #11).
