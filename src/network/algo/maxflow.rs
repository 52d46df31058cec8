//! Maximum flow by Dinic's algorithm (Dinic 1970): level graphs by breadth-first search, blocking
//! flows by iterative depth-first augmentation.
//!
//! # Complexity
//!
//! `O(V² E)` time for `V` nodes and `E` arcs, `O(V + E)` memory.

use std::collections::VecDeque;

/// Dinic's maximum flow on `u128` capacities, over arcs added one by one.
pub(crate) struct Dinic {
    head: Vec<Vec<usize>>,
    to: Vec<usize>,
    cap: Vec<u128>,
    level: Vec<u32>,
    next: Vec<usize>,
}

impl Dinic {
    pub(crate) fn new(nodes: usize) -> Self {
        Self {
            head: vec![Vec::new(); nodes],
            to: Vec::new(),
            cap: Vec::new(),
            level: vec![0; nodes],
            next: vec![0; nodes],
        }
    }

    pub(crate) fn add_arc(&mut self, u: usize, v: usize, c: u128) {
        self.head[u].push(self.to.len());
        self.to.push(v);
        self.cap.push(c);
        self.head[v].push(self.to.len());
        self.to.push(u);
        self.cap.push(0);
    }

    fn bfs(&mut self, s: usize, t: usize) -> bool {
        self.level.fill(u32::MAX);
        self.level[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for &e in &self.head[u] {
                let v = self.to[e];
                if self.cap[e] > 0 && self.level[v] == u32::MAX {
                    self.level[v] = self.level[u] + 1;
                    queue.push_back(v);
                }
            }
        }
        self.level[t] != u32::MAX
    }

    /// One blocking-flow augmentation along a level path, iteratively (no recursion).
    fn augment(&mut self, s: usize, t: usize) -> u128 {
        let mut path: Vec<usize> = Vec::new(); // arcs
        let mut u = s;
        loop {
            if u == t {
                let push = path.iter().map(|&e| self.cap[e]).min().unwrap_or(0);
                for &e in &path {
                    self.cap[e] -= push;
                    self.cap[e ^ 1] += push;
                }
                return push;
            }
            let mut advanced = false;
            while self.next[u] < self.head[u].len() {
                let e = self.head[u][self.next[u]];
                let v = self.to[e];
                if self.cap[e] > 0 && self.level[v] == self.level[u] + 1 {
                    path.push(e);
                    u = v;
                    advanced = true;
                    break;
                }
                self.next[u] += 1;
            }
            if !advanced {
                // Dead end: retreat.
                self.level[u] = u32::MAX;
                match path.pop() {
                    Some(e) => {
                        u = self.to[e ^ 1];
                        self.next[u] += 1;
                    }
                    None => return 0,
                }
            }
        }
    }

    /// Maximum flow, stopping once it reaches `limit` (anything at or above means unbounded).
    pub(crate) fn max_flow(&mut self, s: usize, t: usize, limit: u128) -> u128 {
        let mut total = 0u128;
        while total < limit && self.bfs(s, t) {
            self.next.fill(0);
            loop {
                let f = self.augment(s, t);
                if f == 0 {
                    break;
                }
                total = total.saturating_add(f);
                if total >= limit {
                    return total;
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clrs_flow_network() {
        // Cormen, Leiserson, Rivest & Stein, Introduction to Algorithms (3rd ed.), figure 26.1: the
        // maximum flow from s to t is 23.
        let (s, v1, v2, v3, v4, t) = (0, 1, 2, 3, 4, 5);
        let mut d = Dinic::new(6);
        for (u, v, c) in [
            (s, v1, 16),
            (s, v2, 13),
            (v1, v3, 12),
            (v2, v1, 4),
            (v2, v4, 14),
            (v3, v2, 9),
            (v3, t, 20),
            (v4, v3, 7),
            (v4, t, 4),
        ] {
            d.add_arc(u, v, c);
        }
        assert_eq!(d.max_flow(s, t, u128::MAX), 23);
    }

    #[test]
    fn stops_at_the_limit_and_finds_no_path() {
        let mut d = Dinic::new(3);
        d.add_arc(0, 1, 100);
        d.add_arc(1, 2, 100);
        assert!(d.max_flow(0, 2, 10) >= 10);
        let mut d = Dinic::new(3);
        d.add_arc(0, 1, 5);
        assert_eq!(d.max_flow(0, 2, u128::MAX), 0);
    }
}
