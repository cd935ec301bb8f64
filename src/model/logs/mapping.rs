//! The index mapping a log schema implies: one property per field, in Elasticsearch's mapping
//! vocabulary (type, format, analyzer, ignore_above, multi-fields, sub-properties). Sensitive
//! fields are mapped with `index: false` (kept in `_source`, never searchable). A template's own
//! properties replace the derived ones of the same name.

use crate::spec::logs::{IndexTemplate, LogField, Logs, Mappings, Property};
use serde_json::Value;
use std::collections::BTreeMap;

/// The mapping properties of a schema's fields.
pub(super) fn derived_properties(fields: &[LogField]) -> BTreeMap<String, Property> {
    fields
        .iter()
        .map(|f| (f.name.clone(), property(f)))
        .collect()
}

fn property(f: &LogField) -> Property {
    let mut other = BTreeMap::new();
    if let Some(v) = &f.format {
        other.insert("format".into(), Value::from(v.as_str()));
    }
    if let Some(v) = &f.analyzer {
        other.insert("analyzer".into(), Value::from(v.as_str()));
    }
    if let Some(v) = f.ignore_above {
        other.insert("ignore_above".into(), Value::from(v));
    }
    if let Some(v) = f.dynamic {
        other.insert("dynamic".into(), Value::from(v));
    }
    let indexable = !f.field_type.has_properties() && f.field_type.as_str() != "flattened";
    Property {
        field_type: Some(f.field_type.as_str().to_string()),
        index: (f.sensitive && indexable).then_some(false),
        fields: f
            .fields
            .iter()
            .filter(|_| !f.sensitive)
            .map(|(name, m)| {
                let mut other = BTreeMap::new();
                if let Some(v) = &m.analyzer {
                    other.insert("analyzer".into(), Value::from(v.as_str()));
                }
                if let Some(v) = m.ignore_above {
                    other.insert("ignore_above".into(), Value::from(v));
                }
                (
                    name.clone(),
                    Property {
                        field_type: Some(m.field_type.as_str().to_string()),
                        other,
                        ..Default::default()
                    },
                )
            })
            .collect(),
        properties: derived_properties(&f.properties),
        other,
    }
}

/// The mappings an index template writes: the schema's (unless `from_schema: false`) with the
/// template's own properties and mapping parameters over them.
pub fn template_mappings(logs: &Logs, t: &IndexTemplate) -> Mappings {
    let own = t.template.as_ref().and_then(|b| b.mappings.clone());
    let mut m = if t.from_schema {
        Mappings {
            properties: derived_properties(&logs.schema.fields),
            other: BTreeMap::new(),
        }
    } else {
        Mappings::default()
    };
    if let Some(own) = own {
        m.properties.extend(own.properties);
        m.other.extend(own.other);
    }
    m
}
