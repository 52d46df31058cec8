//! Lists kept without repeats, in the order their items were first added.

/// Appends `item` to `list` unless `list` already holds an equal item. `O(len)`, for the short lists
/// of sources, states and names the records keep.
pub(crate) fn push_distinct<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::push_distinct;

    #[test]
    fn keeps_first_occurrences_in_order() {
        let mut v = Vec::new();
        for x in [3, 1, 3, 2, 1] {
            push_distinct(&mut v, x);
        }
        assert_eq!(v, [3, 1, 2]);
    }
}
