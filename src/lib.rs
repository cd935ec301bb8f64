//! monctl's core: load a monitoring spec, check it, and generate the configuration files of the
//! tools that run it. Pure and deterministic — no file system, clock, environment, threads or
//! network — so the same code runs in the CLI and, compiled to WebAssembly, in the browser.

pub mod codes;
pub mod diagnostic;
pub mod schema;
pub mod source;
pub mod spec;

pub use diagnostic::{Diagnostic, Location, Position, Severity, SpecPath};
