//! YAML (and JSON, its subset) to a positioned [`Node`] tree, event by event on saphyr-parser.
//! Owns YAML 1.2 core-schema scalar resolution, anchors and aliases with an expansion budget,
//! merge keys (`<<`), duplicate-key detection and the depth limit.

use super::limits::Limits;
use super::node::{FileId, Key, Node, NodeKind, Span};
use crate::diagnostic::Position;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Why a file could not be turned into a tree.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub kind: YamlErrorKind,
    pub span: Span,
    pub message: String,
    /// The other place involved (the first occurrence of a duplicate key).
    pub related: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorKind {
    Syntax,
    Limit,
    DuplicateKey,
}

enum Frame {
    Seq {
        items: Vec<Node>,
        start: Position,
        anchor: usize,
    },
    Map {
        entries: Vec<(Key, Node)>,
        /// Where each key of `entries` is, once there are enough keys for scanning to cost.
        index: KeyIndex,
        merged: Vec<(Key, Node)>,
        pending_key: Option<Key>,
        start: Position,
        anchor: usize,
    },
}

/// The keys of a mapping being built, hashed once it has more than a few, so that finding a
/// duplicate costs the same whatever the mapping's size.
#[derive(Default)]
struct KeyIndex(Option<HashMap<String, usize>>);

const INDEX_KEYS_FROM: usize = 16;

impl KeyIndex {
    fn find(&self, entries: &[(Key, Node)], name: &str) -> Option<usize> {
        match &self.0 {
            Some(index) => index.get(name).copied(),
            None => entries.iter().position(|(k, _)| k.name == name),
        }
    }

    /// Records that `name` is about to be pushed onto `entries`.
    fn add(&mut self, entries: &[(Key, Node)], name: &str) {
        match &mut self.0 {
            Some(index) => {
                index.insert(name.to_string(), entries.len());
            }
            None if entries.len() + 1 >= INDEX_KEYS_FROM => {
                let mut index: HashMap<String, usize> = entries
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.name.clone(), i))
                    .collect();
                index.insert(name.to_string(), entries.len());
                self.0 = Some(index);
            }
            None => {}
        }
    }
}

fn position(marker: &Marker) -> Position {
    Position {
        line: marker.line() as u32,
        column: marker.col() as u32 + 1,
    }
}

/// A position the parser reports past the end of the text (an error at the end of a file
/// without a final newline) moved to the end of the last line, where the user looks.
fn within(text: &str, at: Position) -> Position {
    let lines = text.lines().count().max(1) as u32;
    if at.line <= lines {
        return at;
    }
    let last = text.lines().last().unwrap_or("");
    Position {
        line: lines,
        column: last.chars().count() as u32 + 1,
    }
}

struct Builder<'a> {
    file: FileId,
    limits: &'a Limits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    root: Option<Node>,
}

/// Parses one source file. An empty file (or one holding only comments) is an empty mapping.
pub fn parse(text: &str, file: FileId, limits: &Limits) -> Result<Node, YamlError> {
    let mut builder = Builder {
        file,
        limits,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        root: None,
    };
    let mut documents = 0;
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let at = within(text, position(e.marker()));
            YamlError {
                kind: YamlErrorKind::Syntax,
                span: Span {
                    file,
                    start: at,
                    end: at,
                },
                message: format!("invalid YAML: {}", e.info()),
                related: None,
            }
        })?;
        let start = position(&span.start);
        let end = position(&span.end);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError {
                        kind: YamlErrorKind::Syntax,
                        span: Span { file, start, end },
                        message: "a spec file holds one YAML document; split further documents into their own files".into(),
                        related: None,
                    });
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let kind = resolve_scalar(&value, style, tag.as_deref())
                    .map_err(|message| builder.error(YamlErrorKind::Syntax, start, end, message))?;
                let node = Node {
                    kind,
                    span: Span { file, start, end },
                };
                builder.count(1, start, end)?;
                builder.finish_node(node, anchor, 1)?;
            }
            Event::Alias(anchor) => {
                let (node, count) = builder.anchors.get(&anchor).cloned().ok_or_else(|| {
                    builder.error(
                        YamlErrorKind::Syntax,
                        start,
                        end,
                        "alias to an unknown anchor".into(),
                    )
                })?;
                builder.count(count, start, end)?;
                if builder.stack.len() + depth(&node) > builder.limits.max_depth {
                    return Err(builder.depth_error(start, end));
                }
                builder.finish_node(node, 0, count)?;
            }
            Event::SequenceStart(anchor, tag) => {
                builder.check_collection_tag(tag.as_deref(), "seq", start, end)?;
                builder.open(
                    Frame::Seq {
                        items: Vec::new(),
                        start,
                        anchor,
                    },
                    start,
                    end,
                )?;
            }
            Event::MappingStart(anchor, tag) => {
                builder.check_collection_tag(tag.as_deref(), "map", start, end)?;
                builder.open(
                    Frame::Map {
                        entries: Vec::new(),
                        index: KeyIndex::default(),
                        merged: Vec::new(),
                        pending_key: None,
                        start,
                        anchor,
                    },
                    start,
                    end,
                )?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = builder.stack.pop().ok_or_else(|| {
                    builder.error(
                        YamlErrorKind::Syntax,
                        start,
                        end,
                        "unbalanced collection".into(),
                    )
                })?;
                let (kind, open, anchor) = match frame {
                    Frame::Seq {
                        items,
                        start,
                        anchor,
                    } => (NodeKind::Seq(items), start, anchor),
                    Frame::Map {
                        mut entries,
                        mut index,
                        merged,
                        start,
                        anchor,
                        ..
                    } => {
                        for (key, value) in merged {
                            if index.find(&entries, &key.name).is_none() {
                                index.add(&entries, &key.name);
                                entries.push((key, value));
                            }
                        }
                        (NodeKind::Map(entries), start, anchor)
                    }
                };
                let node = Node {
                    kind,
                    span: Span {
                        file,
                        start: open,
                        end,
                    },
                };
                let count = count_nodes(&node);
                builder.count(1, start, end)?;
                builder.finish_node(node, anchor, count)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    Ok(builder.root.unwrap_or(Node {
        kind: NodeKind::Map(Vec::new()),
        span: Span {
            file,
            start: Position { line: 1, column: 1 },
            end: Position { line: 1, column: 1 },
        },
    }))
}

fn depth(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        NodeKind::Map(entries) => 1 + entries.iter().map(|(_, v)| depth(v)).max().unwrap_or(0),
        _ => 0,
    }
}

fn count_nodes(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(count_nodes).sum::<usize>(),
        NodeKind::Map(entries) => {
            1 + entries
                .iter()
                .map(|(_, v)| 1 + count_nodes(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

impl Builder<'_> {
    fn error(
        &self,
        kind: YamlErrorKind,
        start: Position,
        end: Position,
        message: String,
    ) -> YamlError {
        YamlError {
            kind,
            span: Span {
                file: self.file,
                start,
                end,
            },
            message,
            related: None,
        }
    }

    fn depth_error(&self, start: Position, end: Position) -> YamlError {
        self.error(
            YamlErrorKind::Limit,
            start,
            end,
            format!("nesting deeper than {} levels", self.limits.max_depth),
        )
    }

    fn count(&mut self, added: usize, start: Position, end: Position) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(added);
        if self.nodes > self.limits.max_nodes {
            return Err(self.error(
                YamlErrorKind::Limit,
                start,
                end,
                format!(
                    "the file expands to more than {} values (are aliases expanding recursively?)",
                    self.limits.max_nodes
                ),
            ));
        }
        Ok(())
    }

    fn open(&mut self, frame: Frame, start: Position, end: Position) -> Result<(), YamlError> {
        if self.stack.len() >= self.limits.max_depth {
            return Err(self.depth_error(start, end));
        }
        if let Some(Frame::Map {
            pending_key: None, ..
        }) = self.stack.last()
        {
            return Err(self.error(
                YamlErrorKind::Syntax,
                start,
                end,
                "mapping keys must be plain strings, not lists or mappings".into(),
            ));
        }
        self.stack.push(frame);
        Ok(())
    }

    fn check_collection_tag(
        &self,
        tag: Option<&Tag>,
        expected: &str,
        start: Position,
        end: Position,
    ) -> Result<(), YamlError> {
        match tag {
            None => Ok(()),
            Some(tag) if tag.handle == "tag:yaml.org,2002:" && tag.suffix == expected => Ok(()),
            Some(tag) => Err(self.error(
                YamlErrorKind::Syntax,
                start,
                end,
                format!("unsupported YAML tag {}{}", tag.handle, tag.suffix),
            )),
        }
    }

    fn finish_node(&mut self, node: Node, anchor: usize, count: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), count));
        }
        let file = self.file;
        let max_keys = self.limits.max_keys_per_mapping;
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some(Frame::Seq { items, .. }) => {
                items.push(node);
                Ok(())
            }
            Some(Frame::Map {
                entries,
                index,
                merged,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => {
                    let name = match node.kind {
                        NodeKind::Str(s) => s,
                        NodeKind::Int(i) => i.to_string(),
                        NodeKind::Float(f) => f.to_string(),
                        NodeKind::Bool(b) => b.to_string(),
                        NodeKind::Null => "null".to_string(),
                        NodeKind::Seq(_) | NodeKind::Map(_) => {
                            return Err(YamlError {
                                kind: YamlErrorKind::Syntax,
                                span: node.span,
                                message:
                                    "mapping keys must be plain strings, not lists or mappings"
                                        .into(),
                                related: None,
                            })
                        }
                    };
                    *pending_key = Some(Key {
                        name,
                        span: node.span,
                    });
                    Ok(())
                }
                Some(key) if key.name == "<<" => {
                    let sources = match node.kind {
                        NodeKind::Map(_) => vec![node],
                        NodeKind::Seq(items)
                            if items.iter().all(|i| matches!(i.kind, NodeKind::Map(_))) =>
                        {
                            items
                        }
                        _ => {
                            return Err(YamlError {
                                kind: YamlErrorKind::Syntax,
                                span: node.span,
                                message: "a merge key (<<) takes a mapping or a list of mappings"
                                    .into(),
                                related: None,
                            })
                        }
                    };
                    for source in sources {
                        if let NodeKind::Map(source_entries) = source.kind {
                            for (k, v) in source_entries {
                                if !merged.iter().any(|(m, _)| m.name == k.name)
                                    && merged.len() < max_keys
                                {
                                    merged.push((k, v));
                                }
                            }
                        }
                    }
                    Ok(())
                }
                Some(key) => {
                    if let Some(first) = index.find(entries, &key.name) {
                        return Err(YamlError {
                            kind: YamlErrorKind::DuplicateKey,
                            span: key.span,
                            message: format!("duplicate key `{}` in the same mapping", key.name),
                            related: Some(Span {
                                file,
                                ..entries[first].0.span
                            }),
                        });
                    }
                    if entries.len() >= max_keys {
                        return Err(YamlError {
                            kind: YamlErrorKind::Limit,
                            span: key.span,
                            message: format!("a mapping may have at most {max_keys} keys"),
                            related: None,
                        });
                    }
                    index.add(entries, &key.name);
                    entries.push((key, node));
                    Ok(())
                }
            },
        }
    }
}

/// Resolves a scalar by YAML 1.2's core schema: plain scalars may be null, booleans or numbers;
/// quoted and block scalars are always strings.
fn resolve_scalar(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> Result<NodeKind, String> {
    if let Some(tag) = tag {
        if tag.handle != "tag:yaml.org,2002:" {
            return Err(format!("unsupported YAML tag {}{}", tag.handle, tag.suffix));
        }
        return match tag.suffix.as_str() {
            "str" => Ok(NodeKind::Str(value.to_string())),
            "null" | "bool" | "int" | "float" => match resolve_plain(value) {
                NodeKind::Str(_) => Err(format!("`{value}` is not a valid !!{}", tag.suffix)),
                kind => Ok(kind),
            },
            other => Err(format!("unsupported YAML tag !!{other}")),
        };
    }
    Ok(match style {
        ScalarStyle::Plain => resolve_plain(value),
        _ => NodeKind::Str(value.to_string()),
    })
}

fn resolve_plain(value: &str) -> NodeKind {
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeKind::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return NodeKind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return NodeKind::Float(f64::NAN),
        _ => {}
    }
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = value.parse::<i64>() {
            return NodeKind::Int(i);
        }
    }
    if let Some(oct) = value.strip_prefix("0o") {
        if let Ok(i) = i64::from_str_radix(oct, 8) {
            return NodeKind::Int(i);
        }
    }
    if let Some(hex) = value.strip_prefix("0x") {
        if let Ok(i) = i64::from_str_radix(hex, 16) {
            return NodeKind::Int(i);
        }
    }
    if is_core_float(unsigned) {
        if let Ok(f) = value.parse::<f64>() {
            return NodeKind::Float(f);
        }
    }
    NodeKind::Str(value.to_string())
}

/// `[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `\.[0-9]+([eE][-+]?[0-9]+)?`.
fn is_core_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit()))
                && (!int.is_empty() || !frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let digits = e.strip_prefix(['-', '+']).unwrap_or(e);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Node {
        parse(text, FileId(0), &Limits::default()).expect("parses")
    }

    #[test]
    fn resolves_core_schema_scalars() {
        let node = parse_ok("a: 1\nb: 1.5\nc: true\nd: ~\ne: '1'\nf: yes\ng: 1e3\nh: 15s\n");
        let kinds: Vec<_> = match node.kind {
            NodeKind::Map(entries) => entries.into_iter().map(|(_, v)| v.kind).collect(),
            _ => panic!("root is a mapping"),
        };
        assert_eq!(
            kinds,
            vec![
                NodeKind::Int(1),
                NodeKind::Float(1.5),
                NodeKind::Bool(true),
                NodeKind::Null,
                NodeKind::Str("1".into()),
                NodeKind::Str("yes".into()),
                NodeKind::Float(1000.0),
                NodeKind::Str("15s".into()),
            ]
        );
    }

    #[test]
    fn keeps_positions() {
        let node = parse_ok("scrape:\n  jobs:\n    - job_name: api\n");
        let job = &node.get("scrape").unwrap().get("jobs").unwrap();
        let NodeKind::Seq(items) = &job.kind else {
            panic!("jobs is a list")
        };
        let name = items[0].get("job_name").unwrap();
        assert_eq!(
            name.span.start,
            Position {
                line: 3,
                column: 17
            }
        );
    }

    #[test]
    fn rejects_duplicate_keys_naming_both() {
        let err = parse("a: 1\nb: 2\na: 3\n", FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::DuplicateKey);
        assert_eq!(err.span.start.line, 3);
        assert_eq!(err.related.unwrap().start.line, 1);
    }

    #[test]
    fn stops_alias_bombs() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        let err = parse(&text, FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
    }

    #[test]
    fn an_error_at_the_end_of_a_file_without_a_final_newline_points_at_the_last_line() {
        let err = parse("a: 1\nb: 2\nc: [", FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Syntax);
        assert_eq!(err.span.start.line, 3, "{err:?}");
    }

    #[test]
    fn stops_deep_nesting() {
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = parse(&text, FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
    }

    #[test]
    fn finds_duplicates_in_large_mappings_and_bounds_their_size() {
        let keys: Vec<String> = (0..100).map(|i| format!("k{i}: {i}")).collect();
        let text = format!("{}\nk57: again\n", keys.join("\n"));
        let err = parse(&text, FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::DuplicateKey);
        assert_eq!((err.span.start.line, err.span.start.column), (101, 1));
        assert_eq!(err.related.map(|r| r.start.line), Some(58));

        let limits = Limits {
            max_keys_per_mapping: 50,
            ..Limits::default()
        };
        let err = parse(&keys.join("\n"), FileId(0), &limits).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Limit);
        assert_eq!(err.span.start.line, 51);
        assert!(err.message.contains("at most 50 keys"), "{}", err.message);
    }

    #[test]
    fn reports_syntax_errors_with_position() {
        let err = parse("a: [1, 2\nb: 3\n", FileId(0), &Limits::default()).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::Syntax);
        assert!(err.span.start.line >= 1);
    }

    #[test]
    fn applies_merge_keys_with_explicit_keys_winning() {
        let node = parse_ok("base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3\n");
        let item = node.get("item").unwrap();
        assert_eq!(item.get("x").unwrap().kind, NodeKind::Int(1));
        assert_eq!(item.get("y").unwrap().kind, NodeKind::Int(3));
    }

    #[test]
    fn parses_json() {
        let node = parse_ok("{\"a\": [1, \"b\", null, false]}");
        assert!(matches!(node.get("a").unwrap().kind, NodeKind::Seq(_)));
    }

    #[test]
    fn empty_file_is_an_empty_mapping() {
        assert_eq!(parse_ok("# nothing\n").kind, NodeKind::Map(Vec::new()));
    }
}
