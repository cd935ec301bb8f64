//! burn tests
