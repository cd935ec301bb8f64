//! `dns_sd_configs`: targets from DNS SRV, A, AAAA, MX or NS records.

use super::common::{closed_set, Checks};
use super::Mechanism;
use crate::spec::types::Duration;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

closed_set!(
    /// The DNS record type queried (Prometheus reads it case-insensitively).
    DnsRecordType,
    "invalid DNS-SD records type {}",
    {
        Srv = "SRV" | "srv" | "Srv",
        A = "A" | "a",
        Aaaa = "AAAA" | "aaaa",
        Mx = "MX" | "mx",
        Ns = "NS" | "ns",
    }
);

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DnsSdConfig {
    /// The DNS names queried.
    #[serde(default)]
    pub names: Vec<String>,
    /// Default SRV.
    #[serde(default, rename = "type")]
    pub record_type: Option<DnsRecordType>,
    /// The port of the targets; required for every type but SRV.
    #[serde(default)]
    pub port: Option<u16>,
    /// Default 30s.
    #[serde(default)]
    pub refresh_interval: Option<Duration>,
}

impl Mechanism for DnsSdConfig {
    fn check(&self, checks: &mut Checks) {
        checks.non_empty(
            "names",
            &self.names,
            "DNS-SD config must contain at least one SRV record name",
        );
        let srv = matches!(self.record_type, None | Some(DnsRecordType::Srv));
        if !srv && self.port.unwrap_or(0) == 0 {
            checks.invalid(
                "port",
                "a port is required in DNS-SD configs for all record types except SRV",
                "set `port`: A, AAAA, MX and NS records carry no port",
            );
        }
    }
    fn meta_prefixes(&self) -> Vec<&'static str> {
        let mut prefixes = vec!["__meta_dns_name"];
        prefixes.push(match self.record_type {
            None | Some(DnsRecordType::Srv) => "__meta_dns_srv_record_",
            Some(DnsRecordType::Mx) => "__meta_dns_mx_record_",
            Some(DnsRecordType::Ns) => "__meta_dns_ns_record_",
            Some(DnsRecordType::A | DnsRecordType::Aaaa) => return prefixes,
        });
        prefixes
    }
}
