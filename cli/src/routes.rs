//! `monctl routes`: test and show Alertmanager routing. (Stub: the routing issue fills this in.)
