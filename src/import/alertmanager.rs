//! Import of alertmanager.yml into the `routing` section (issue #9).
