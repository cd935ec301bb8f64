//! Import of Sloth's `prometheus/v1` SLO specs into the `slos` section (issue #13).
