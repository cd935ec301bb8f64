//! Import of Prometheus rule files into the `rules` section (issue #9).
