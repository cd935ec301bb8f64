//! Alertmanager: the route tree, receivers, inhibitions, time intervals and templates.
//! (Stub: the routing issue fills this in.)

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Routing {}
