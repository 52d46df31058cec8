//! `read_graphml` of a 10^5-actor, 10^6-tie file beside networkx `read_graphml` and igraph
//! `Graph.Read_GraphML` on the same file (benches/peers/graphml.py).
//!
//! The file is written here with `write_graphml` from a seeded network (`SplitMix` seed 16: 10^5 people, 10^6
//! undirected communication ties between distinct random pairs, weights 1-10) to
//! `$CORRIDOR_BENCH_DATA/graphml_1e5_1e6.graphml` (default `target/bench-data`), then read
//! `CORRIDOR_PEER_RUNS` times (default 3), the median printed. Criterion times a 10^4-tie file.
//!
//! Run: `cargo bench --bench graphml`, then `python3 benches/peers/graphml.py target/bench-data/graphml_1e5_1e6.graphml`.
//!
//! `cargo bench --bench graphml -- --once [FILE]` only reads the file once (from disk) and prints its sizes,
//! for peak memory with `/usr/bin/time -v` (the peer: `graphml.py FILE 1 networkx|igraph`).

mod common;

use std::hint::black_box;
use std::time::Instant;

use corridor::io::{read_graphml, write_graphml};
use corridor::network::{Actor, SmugglingNetwork, Tie, TieKind};

use common::SplitMix;
use criterion::Criterion;

fn network(n: usize, m: usize, seed: u64) -> SmugglingNetwork {
    let mut rng = SplitMix(seed);
    let mut b = SmugglingNetwork::builder();
    let ids: Vec<_> = (0..n)
        .map(|i| b.add_actor(Actor::person(format!("actor {i}"))))
        .collect();
    let mut added = 0;
    let mut seen = std::collections::HashSet::new();
    while added < m {
        let (u, v) = (rng.below(n as u64) as usize, rng.below(n as u64) as usize);
        if u == v || !seen.insert((u.min(v), u.max(v))) {
            continue;
        }
        let w = 1.0 + rng.below(10) as f64;
        b.add_tie(ids[u], ids[v], Tie::undirected(TieKind::Communication).weight(w))
            .expect("distinct actors, positive weight");
        added += 1;
    }
    b.build().expect("unique names")
}

fn main() {
    let dir = common::data_dir();
    let path = dir.join("graphml_1e5_1e6.graphml");
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--once") {
        let path = args.get(i + 1).map_or(path, std::path::PathBuf::from);
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let net = read_graphml(std::io::BufReader::new(file)).expect("a GraphML file");
        println!(
            "{}: {} actors, {} ties",
            path.display(),
            net.actor_count(),
            net.tie_count()
        );
        return;
    }
    let net = network(100_000, 1_000_000, 16);
    let mut bytes = Vec::new();
    write_graphml(&net, &mut bytes).expect("writing to a Vec");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(&path, &bytes);
    let runs: usize = std::env::var("CORRIDOR_PEER_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let back = read_graphml(bytes.as_slice()).expect("reads what it wrote");
        times.push(t.elapsed().as_secs_f64());
        assert_eq!((back.actor_count(), back.tie_count()), (100_000, 1_000_000));
    }
    times.sort_by(f64::total_cmp);
    println!(
        "graphml read 1e5 actors 1e6 ties ({} MB, {}): median {:.3} s over {runs} runs",
        bytes.len() / 1_000_000,
        path.display(),
        times[times.len() / 2]
    );

    let small = network(2_000, 10_000, 17);
    let mut text = Vec::new();
    write_graphml(&small, &mut text).expect("writing to a Vec");
    let mut c = Criterion::default().configure_from_args();
    c.bench_function("read_graphml 2e3 actors 1e4 ties", |b| {
        b.iter(|| read_graphml(black_box(text.as_slice())).expect("reads"));
    });
    c.final_summary();
}
