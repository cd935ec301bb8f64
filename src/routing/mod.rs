//! Alertmanager's routing semantics, simulated: which receivers an alert reaches, and whether it
//! is inhibited. (Stub: the routing issue fills this in.)
