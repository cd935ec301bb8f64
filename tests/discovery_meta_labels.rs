//! The `__meta_*` labels each discovery mechanism (and role) gives its targets reach the relabel
//! checks: a rule reading one of them is fine on a job of that mechanism, and C001 (relabel source
//! absent) fires when the job's mechanism never provides it.

use monctl::SourceFile;

/// C001 findings of a job with `discovery` (a flow-mapping entry) and a rule reading `label`.
fn c001(discovery: &str, label: &str) -> usize {
    let spec = format!(
        "scrape:\n  jobs:\n    - job_name: j\n      {discovery}\n      relabel_configs:\n        - {{source_labels: [{label}], target_label: x}}\n"
    );
    let report = monctl::check(&[SourceFile::new("spec.yml", spec)]);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{discovery}: {errors:?}");
    report
        .diagnostics
        .iter()
        .filter(|d| d.code == "C001")
        .count()
}

/// (discovery, a label its targets carry, a label they never carry).
const CASES: &[(&str, &str, &str)] = &[
    ("consul_sd_configs: [{}]", "__meta_consul_service", "__meta_dns_name"),
    ("dns_sd_configs: [{names: [_a._tcp.example.com]}]", "__meta_dns_srv_record_target", "__meta_consul_service"),
    ("dns_sd_configs: [{names: [a.example.com], type: A, port: 80}]", "__meta_dns_name", "__meta_dns_srv_record_target"),
    ("dns_sd_configs: [{names: [example.com], type: MX, port: 25}]", "__meta_dns_mx_record_target", "__meta_dns_ns_record_target"),
    ("ec2_sd_configs: [{region: r}]", "__meta_ec2_tag_Name", "__meta_lightsail_tag_Name"),
    ("aws_sd_configs: [{role: ecs}]", "__meta_ecs_cluster", "__meta_ec2_instance_id"),
    ("aws_sd_configs: [{role: ec2}]", "__meta_ec2_instance_id", "__meta_ecs_cluster"),
    ("rds_sd_configs: [{}]", "__meta_rds_instance_engine", "__meta_msk_cluster_name"),
    ("msk_sd_configs: [{}]", "__meta_msk_cluster_name", "__meta_rds_instance_engine"),
    ("elasticache_sd_configs: [{}]", "__meta_elasticache_cluster_id", "__meta_ecs_cluster"),
    ("azure_sd_configs: [{subscription_id: s, authentication_method: ManagedIdentity}]", "__meta_azure_machine_tag_env", "__meta_gce_label_env"),
    ("gce_sd_configs: [{project: p, zone: z}]", "__meta_gce_label_env", "__meta_azure_machine_tag_env"),
    ("docker_sd_configs: [{host: 'unix:///var/run/docker.sock'}]", "__meta_docker_container_label_app", "__meta_dockerswarm_node_id"),
    ("dockerswarm_sd_configs: [{host: 'tcp://h:2375', role: nodes}]", "__meta_dockerswarm_node_hostname", "__meta_dockerswarm_task_id"),
    ("dockerswarm_sd_configs: [{host: 'tcp://h:2375', role: tasks}]", "__meta_dockerswarm_task_id", "__meta_docker_container_name"),
    ("hetzner_sd_configs: [{role: hcloud}]", "__meta_hetzner_hcloud_label_env", "__meta_hetzner_robot_product"),
    ("hetzner_sd_configs: [{role: robot}]", "__meta_hetzner_robot_product", "__meta_hetzner_hcloud_label_env"),
    ("hetzner_sd_configs: [{role: robot}]", "__meta_hetzner_server_name", "__meta_hetzner_hcloud_server_type"),
    ("http_sd_configs: [{url: 'https://sd'}]", "__meta_url", "__meta_filepath"),
    ("openstack_sd_configs: [{role: hypervisor, region: r}]", "__meta_openstack_hypervisor_host_ip", "__meta_openstack_instance_name"),
    ("openstack_sd_configs: [{role: instance, region: r}]", "__meta_openstack_tag_env", "__meta_openstack_loadbalancer_vip"),
    ("openstack_sd_configs: [{role: loadbalancer, region: r}]", "__meta_openstack_project_id", "__meta_openstack_instance_id"),
    ("ovhcloud_sd_configs: [{service: vps, application_key: k, application_secret: '${S}', consumer_key: '${C}'}]", "__meta_ovhcloud_vps_ipv4", "__meta_ovhcloud_dedicated_server_ipv4"),
    ("scaleway_sd_configs: [{role: baremetal, project_id: p, access_key: a, secret_key_file: /s}]", "__meta_scaleway_baremetal_name", "__meta_scaleway_instance_name"),
    ("triton_sd_configs: [{account: a, dns_suffix: d, endpoint: e, role: cn}]", "__meta_triton_machine_alias", "__meta_triton_groups"),
    ("triton_sd_configs: [{account: a, dns_suffix: d, endpoint: e}]", "__meta_triton_groups", "__meta_kuma_mesh"),
    ("kuma_sd_configs: [{server: 'http://kuma:5676'}]", "__meta_kuma_mesh", "__meta_triton_groups"),
    ("marathon_sd_configs: [{servers: ['http://m']}]", "__meta_marathon_app", "__meta_nomad_service"),
    ("nomad_sd_configs: [{}]", "__meta_nomad_service", "__meta_marathon_app"),
    ("nerve_sd_configs: [{servers: ['zk:2181'], paths: [/n]}]", "__meta_nerve_path", "__meta_serverset_path"),
    ("serverset_sd_configs: [{servers: ['zk:2181'], paths: [/s]}]", "__meta_serverset_endpoint_host", "__meta_nerve_path"),
    ("eureka_sd_configs: [{server: 'http://e:8761/eureka'}]", "__meta_eureka_app_name", "__meta_puppetdb_certname"),
    ("puppetdb_sd_configs: [{url: 'https://p', query: 'resources {}'}]", "__meta_puppetdb_certname", "__meta_eureka_app_name"),
    ("digitalocean_sd_configs: [{}]", "__meta_digitalocean_droplet_name", "__meta_linode_instance_label"),
    ("linode_sd_configs: [{}]", "__meta_linode_instance_label", "__meta_vultr_instance_label"),
    ("vultr_sd_configs: [{}]", "__meta_vultr_instance_label", "__meta_digitalocean_droplet_name"),
    ("ionos_sd_configs: [{datacenter_id: d}]", "__meta_ionos_server_name", "__meta_stackit_name"),
    ("stackit_sd_configs: [{project: p}]", "__meta_stackit_name", "__meta_ionos_server_name"),
    ("uyuni_sd_configs: [{server: 'https://u', username: u, password: '${P}'}]", "__meta_uyuni_exporter", "__meta_outscale_vm_id"),
    ("outscale_sd_configs: [{access_key: a, secret_key_file: /s}]", "__meta_outscale_vm_id", "__meta_oci_instance_id"),
    ("oci_sd_configs: [{region: r}]", "__meta_oci_instance_id", "__meta_outscale_vm_id"),
    ("lightsail_sd_configs: [{}]", "__meta_lightsail_instance_name", "__meta_ec2_instance_id"),
    ("ecs_sd_configs: [{}]", "__meta_ecs_task_arn", "__meta_ec2_instance_id"),
];

#[test]
fn a_label_of_the_jobs_mechanism_is_readable_and_one_of_another_is_absent() {
    for (discovery, present, absent) in CASES {
        assert_eq!(c001(discovery, present), 0, "{discovery} reading {present}");
        assert_eq!(c001(discovery, absent), 1, "{discovery} reading {absent}");
    }
}

#[test]
fn an_alertmanager_found_by_consul_may_be_relabeled_by_its_service() {
    let spec = "scrape:\n  alertmanagers:\n    - consul_sd_configs: [{services: [alertmanager]}]\n      relabel_configs:\n        - {source_labels: [__meta_consul_service], regex: alertmanager, action: keep}\n";
    let report = monctl::check(&[SourceFile::new("spec.yml", spec)]);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
}
