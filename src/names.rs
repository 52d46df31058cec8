//! Matching a name as people write it against the names of a record.

/// Whether `query`, trimmed, is `name` or one of `others`, ignoring ASCII case.
pub(crate) fn is_named(query: &str, name: &str, others: &[String]) -> bool {
    let q = query.trim();
    name.eq_ignore_ascii_case(q) || others.iter().any(|a| a.eq_ignore_ascii_case(q))
}

#[cfg(test)]
mod tests {
    use super::is_named;

    #[test]
    fn trims_and_ignores_ascii_case() {
        let others = ["Operation Twilight".to_owned()];
        assert!(is_named("  escudo ", "Escudo", &others));
        assert!(is_named("OPERATION TWILIGHT", "Escudo", &others));
        assert!(!is_named("Twilight", "Escudo", &others));
        assert!(!is_named("", "Escudo", &[]));
    }
}
