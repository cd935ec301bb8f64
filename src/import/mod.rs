//! Import: native files of the target tools into spec sections, with positions kept so that
//! `monctl lint` can point into the native file. One module per tool; the Fluentd config parser
//! lives here too, in the core, so the browser can use it.

pub mod alertmanager;
pub mod comments;
pub mod compose;
pub mod elasticsearch;
pub mod fluentd;
pub mod grafana;
pub mod prometheus;
pub mod rules;
pub mod sloth;
