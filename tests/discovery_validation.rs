//! What Prometheus refuses at load in the discovery configs, monctl refuses too, in Prometheus'
//! own words (so a config the tool rejects is reported with the tool's message) and at the field
//! it concerns. Each case is one scrape job; the configs that must load are beside them.

use monctl::SourceFile;

/// The errors (path, message) of a spec whose only job is `job` (YAML flow mapping body).
fn errors(job: &str) -> Vec<(String, String)> {
    let spec = format!("scrape:\n  jobs:\n    - {{job_name: j, {job}}}\n");
    monctl::check(&[SourceFile::new("spec.yml", spec)])
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.path.to_string(), d.message.clone()))
        .collect()
}

/// (job, the field the error is at below `scrape.jobs[0].`, Prometheus' message).
const REFUSED: &[(&str, &str, &str)] = &[
    ("azure_sd_configs: [{tenant_id: t, client_id: c, client_secret: '${S}'}]", "azure_sd_configs[0].subscription_id", "azure SD configuration requires a subscription_id"),
    ("azure_sd_configs: [{subscription_id: s, client_id: c, client_secret: '${S}'}]", "azure_sd_configs[0].tenant_id", "azure SD configuration requires a tenant_id"),
    ("azure_sd_configs: [{subscription_id: s, tenant_id: t, client_id: c}]", "azure_sd_configs[0].client_secret", "azure SD configuration requires a client_secret"),
    ("azure_sd_configs: [{subscription_id: s, authentication_method: Token}]", "", "unknown authentication_type \"Token\""),
    ("consul_sd_configs: [{server: ''}]", "consul_sd_configs[0].server", "consul SD configuration requires a server address"),
    ("consul_sd_configs: [{username: u, basic_auth: {username: u, password_file: /p}}]", "consul_sd_configs[0].username", "at most one of consul SD configuration username and password and basic auth can be configured"),
    ("consul_sd_configs: [{token: '${T}', authorization: {credentials_file: /t}}]", "consul_sd_configs[0].token", "at most one of consul SD token, authorization, or oauth2 can be configured"),
    ("dns_sd_configs: [{type: SRV}]", "dns_sd_configs[0].names", "DNS-SD config must contain at least one SRV record name"),
    ("dns_sd_configs: [{names: [a.example.com], type: A}]", "dns_sd_configs[0].port", "a port is required in DNS-SD configs for all record types except SRV"),
    ("dns_sd_configs: [{names: [a.example.com], type: AAAA}]", "dns_sd_configs[0].port", "a port is required in DNS-SD configs for all record types except SRV"),
    ("dns_sd_configs: [{names: [a.example.com], type: MX, port: 0}]", "dns_sd_configs[0].port", "a port is required in DNS-SD configs for all record types except SRV"),
    ("dns_sd_configs: [{names: [a.example.com], type: TXT}]", "", "invalid DNS-SD records type TXT"),
    ("docker_sd_configs: [{port: 80}]", "docker_sd_configs[0].host", "host missing"),
    ("dockerswarm_sd_configs: [{role: nodes}]", "dockerswarm_sd_configs[0].host", "host missing"),
    ("dockerswarm_sd_configs: [{host: 'tcp://h:2375', role: containers}]", "", "invalid role containers, expected tasks, services, or nodes"),
    ("ec2_sd_configs: [{region: r, filters: [{name: 'tag:env'}]}]", "ec2_sd_configs[0].filters[0].values", "EC2 SD configuration filter values cannot be empty"),
    ("aws_sd_configs: [{role: ec2, filters: [{name: 'tag:env', values: []}]}]", "aws_sd_configs[0].filters[0].values", "AWS SD configuration filter values cannot be empty"),
    ("aws_sd_configs: [{role: s3}]", "", "unknown AWS SD role \"s3\""),
    ("eureka_sd_configs: [{refresh_interval: 1m}]", "eureka_sd_configs[0].server", "empty or null eureka server"),
    ("eureka_sd_configs: [{server: eureka:8761}]", "eureka_sd_configs[0].server", "invalid eureka server URL"),
    ("gce_sd_configs: [{zone: z}]", "gce_sd_configs[0].project", "GCE SD configuration requires a project"),
    ("gce_sd_configs: [{project: p}]", "gce_sd_configs[0].zone", "GCE SD configuration requires a zone"),
    ("hetzner_sd_configs: [{role: cloud}]", "", "unknown role \"cloud\""),
    ("http_sd_configs: [{refresh_interval: 1m}]", "http_sd_configs[0].url", "URL is missing"),
    ("http_sd_configs: [{url: 'ftp://example.com'}]", "http_sd_configs[0].url", "URL scheme must be 'http' or 'https'"),
    ("http_sd_configs: [{url: invalid}]", "http_sd_configs[0].url", "URL scheme must be 'http' or 'https'"),
    ("http_sd_configs: [{url: 'http:///path'}]", "http_sd_configs[0].url", "host is missing in URL"),
    ("ionos_sd_configs: [{datacenter_id: ''}]", "ionos_sd_configs[0].datacenter_id", "datacenter id can't be empty"),
    ("kuma_sd_configs: [{client_id: c}]", "kuma_sd_configs[0].server", "kuma SD server must not be empty"),
    ("marathon_sd_configs: [{servers: []}]", "marathon_sd_configs[0].servers", "marathon_sd: must contain at least one Marathon server"),
    ("marathon_sd_configs: [{servers: ['http://m'], auth_token_file: /t, basic_auth: {username: u, password_file: /p}}]", "marathon_sd_configs[0].auth_token_file", "marathon_sd: at most one of basic_auth, auth_token & auth_token_file must be configured"),
    ("marathon_sd_configs: [{servers: ['http://m'], auth_token_file: /t, bearer_token_file: /b}]", "marathon_sd_configs[0].auth_token_file", "marathon_sd: at most one of bearer_token, bearer_token_file, auth_token & auth_token_file must be configured"),
    ("marathon_sd_configs: [{servers: ['http://m'], auth_token_file: /t, authorization: {credentials_file: /c}}]", "marathon_sd_configs[0].auth_token_file", "marathon_sd: at most one of auth_token, auth_token_file & authorization must be configured"),
    ("nerve_sd_configs: [{paths: [/a]}]", "nerve_sd_configs[0].servers", "nerve SD config must contain at least one Zookeeper server"),
    ("nerve_sd_configs: [{servers: ['zk:2181'], paths: [a]}]", "nerve_sd_configs[0].paths[0]", "nerve SD config paths must begin with '/': a"),
    ("serverset_sd_configs: [{servers: ['zk:2181']}]", "serverset_sd_configs[0].paths", "serverset SD config must contain at least one path"),
    ("nomad_sd_configs: [{server: ''}]", "nomad_sd_configs[0].server", "nomad SD configuration requires a server address"),
    ("openstack_sd_configs: [{role: nova, region: r}]", "", "unknown OpenStack SD role \"nova\""),
    ("openstack_sd_configs: [{role: instance}]", "openstack_sd_configs[0].region", "openstack SD configuration requires a region"),
    ("openstack_sd_configs: [{role: instance, region: r, availability: invalid}]", "", "unknown availability invalid, must be one of admin, internal or public"),
    ("ovhcloud_sd_configs: [{service: vps, application_key: k, consumer_key: '${C}'}]", "ovhcloud_sd_configs[0].application_secret", "application secret can not be empty"),
    ("ovhcloud_sd_configs: [{service: vps, application_secret: '${S}', consumer_key: '${C}'}]", "ovhcloud_sd_configs[0].application_key", "application key can not be empty"),
    ("ovhcloud_sd_configs: [{service: fakeservice, application_key: k}]", "", "unknown service: fakeservice"),
    ("puppetdb_sd_configs: [{url: 'https://puppetdb'}]", "puppetdb_sd_configs[0].query", "query missing"),
    ("puppetdb_sd_configs: [{query: 'nodes {}'}]", "puppetdb_sd_configs[0].url", "URL is missing"),
    ("scaleway_sd_configs: [{role: instance, project_id: p, access_key: a}]", "scaleway_sd_configs[0].secret_key_file", "one of secret_key & secret_key_file must be configured"),
    ("scaleway_sd_configs: [{role: instance, access_key: a, secret_key_file: /s}]", "scaleway_sd_configs[0].project_id", "project_id is mandatory"),
    ("scaleway_sd_configs: [{role: invalid}]", "", "unknown role \"invalid\""),
    ("stackit_sd_configs: [{endpoint: '://invalid'}]", "stackit_sd_configs[0].endpoint", "invalid endpoint"),
    ("triton_sd_configs: [{dns_suffix: d, endpoint: e}]", "triton_sd_configs[0].account", "triton SD configuration requires an account"),
    ("triton_sd_configs: [{account: a, endpoint: e}]", "triton_sd_configs[0].dns_suffix", "triton SD configuration requires a dns_suffix"),
    ("triton_sd_configs: [{account: a, dns_suffix: d, endpoint: e, refresh_interval: 0s}]", "triton_sd_configs[0].refresh_interval", "triton SD configuration requires RefreshInterval to be a positive integer"),
    ("triton_sd_configs: [{account: a, dns_suffix: d, endpoint: e, role: vm}]", "", "triton SD configuration requires role to be 'container' or 'cn'"),
    ("dockerswarm_sd_configs: [{host: 'tcp://h:2375'}]", "dockerswarm_sd_configs[0].role", "invalid role , expected tasks, services, or nodes"),
    ("hetzner_sd_configs: [{port: 9100}]", "hetzner_sd_configs[0].role", "role missing (one of: robot, hcloud)"),
    ("openstack_sd_configs: [{region: r, availability: public}]", "openstack_sd_configs[0].role", "role missing (one of: instance, hypervisor, loadbalancer)"),
    ("scaleway_sd_configs: [{project_id: p, access_key: a, secret_key_file: /s}]", "scaleway_sd_configs[0].role", "role missing (one of: instance, baremetal)"),
    ("ovhcloud_sd_configs: [{application_key: k, application_secret: '${S}', consumer_key: '${C}'}]", "ovhcloud_sd_configs[0].service", "unknown service: "),
    ("uyuni_sd_configs: [{server: 'https://u', username: u}]", "uyuni_sd_configs[0].password", "Uyuni SD configuration requires a password"),
    ("outscale_sd_configs: [{region: '', access_key: a, secret_key_file: /s}]", "outscale_sd_configs[0].region", "outscale SD configuration requires a region"),
    ("outscale_sd_configs: [{access_key: a}]", "outscale_sd_configs[0].access_key", "outscale SD configuration requires access_key and secret_key"),
    ("oci_sd_configs: [{auth: invalid, region: us-ashburn-1}]", "", "oci_sd: unknown auth method \"invalid\", expected \"api_key\" or \"instance_principal\""),
];

#[test]
fn every_refusal_of_prometheus_is_reported_in_its_words_at_its_field() {
    for (job, field, message) in REFUSED {
        let found = errors(job);
        let said = found.iter().find(|(_, m)| m.contains(message));
        let Some((path, _)) = said else {
            panic!("{job}: expected an error saying {message:?}, got {found:?}");
        };
        if !field.is_empty() {
            assert_eq!(path, &format!("scrape.jobs[0].{field}"), "{job}");
        }
    }
}

/// Configs Prometheus loads: no error.
const ACCEPTED: &[&str] = &[
    "azure_sd_configs: [{subscription_id: s, authentication_method: ManagedIdentity}]",
    "azure_sd_configs: [{subscription_id: s, authentication_method: SDK}]",
    "consul_sd_configs: [{}]",
    "dns_sd_configs: [{names: [_x._tcp.example.com]}]",
    "dns_sd_configs: [{names: [a.example.com], type: a, port: 9100}]",
    "dns_sd_configs: [{names: [_x._tcp.example.com], type: srv}]",
    "ec2_sd_configs: [{}]",
    "aws_sd_configs: [{role: lightsail}]",
    "nomad_sd_configs: [{}]",
    "outscale_sd_configs: [{access_key: a, secret_key_file: /s}]",
    "triton_sd_configs: [{account: a, dns_suffix: d, endpoint: e, role: cn}]",
    "marathon_sd_configs: [{servers: ['http://m'], auth_token_file: /t, tls_config: {ca_file: /ca}}]",
    "hetzner_sd_configs: [{role: robot, basic_auth: {username: u, password_file: /p}}]",
    "stackit_sd_configs: [{project: p}]",
    "http_sd_configs: [{url: 'http://user@sd.example.com:8080/targets'}]",
];

#[test]
fn configs_prometheus_loads_are_not_refused() {
    for job in ACCEPTED {
        let found = errors(job);
        assert!(found.is_empty(), "{job}: {found:?}");
    }
}

#[test]
fn unknown_fields_of_a_mechanism_are_refused() {
    let found = errors("consul_sd_configs: [{services: [a], service: b}]");
    assert!(
        found.iter().any(|(_, m)| m.contains("service")),
        "{found:?}"
    );
}
