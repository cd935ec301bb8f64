//! Import of prometheus.yml into the `scrape` section (issue #9).
