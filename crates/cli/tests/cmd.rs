//! CLI tests as data: each `tests/cmd/*.toml` names a command line, its
//! exit code, and its expected stdout and stderr (`*.stdout`, `*.stderr`
//! beside it). Run with `TRYCMD=overwrite` to rewrite the expectations,
//! then review them like snapshots.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
