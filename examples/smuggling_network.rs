//! A smuggling network shaped like the Urabá–Darién route, its brokers, a joint operation's arrests and
//! the resilience of the network to different attack strategies.
//!
//! ILLUSTRATIVE, SYNTHETIC STRUCTURE: the actors below are invented placeholders ("Coordinator
//! Necoclí", "Guide 3", …), not real people, and the ties are a plausible shape, not intelligence. Only
//! the fees per migrant are real published figures, read from
//! `data/darien/darien_smuggling_economics_and_deaths.csv` and cited in the output.
//!
//! Run: `cargo run --example smuggling_network -- network.graphml` (the path is optional; without it the
//! `GraphML` file is not written). With the `plot` feature, `--svg DIR` also writes the resilience
//! curves, without and with recovery, to `DIR/resilience.svg` and `DIR/resilience_recovery.svg`:
//! `cargo run --example smuggling_network --features plot -- --svg DIR`.

use corridor::io::write_graphml;
use corridor::network::{
    Actor, ActorId, Attack, Capacity, Fee, NetworkBuilder, Recovery, Role, SmugglingNetwork, Stage, Tie, TieKind,
};
use corridor::{Country, Source};

const ECONOMICS: &str = include_str!("../data/darien/darien_smuggling_economics_and_deaths.csv");

/// A published figure: value, unit and address, found by the start of its `fact` cell.
struct Figure {
    value: f64,
    unit: String,
    address: String,
    fact: String,
}

fn figure(fact_prefix: &str) -> Result<Figure, Box<dyn std::error::Error>> {
    for line in ECONOMICS.lines().skip(1) {
        // The rows used here have no quoted commas: fact,value,unit,SOURCE,reliability.
        let cells: Vec<&str> = line.split(',').collect();
        if cells.len() >= 4 && cells[0].starts_with(fact_prefix) {
            return Ok(Figure {
                value: cells[1].trim().parse()?,
                unit: cells[2].trim().to_owned(),
                address: cells[3].trim().to_owned(),
                fact: cells[0].to_owned(),
            });
        }
    }
    Err(format!("no row starting with {fact_prefix:?} in the economics table").into())
}

fn fee(f: &Figure) -> corridor::Result<Fee> {
    Ok(Fee::new(f.value, &f.unit)?)
}

/// Adds `count` people with a role at one or more stages, named "<label> <i>".
fn crew(b: &mut NetworkBuilder, label: &str, role: Role, stages: &[Stage], count: usize) -> Vec<ActorId> {
    (1..=count)
        .map(|i| {
            let mut a = Actor::person(format!("{label} {i}")).role(role).country(Country::COL);
            for s in stages {
                a = a.stage(s.clone());
            }
            b.add_actor(a)
        })
        .collect()
}

/// The published fees used, in the order printed.
struct Fees {
    figures: [Figure; 4],
}

/// Builds the illustrative network: a cell of the organisation, its leadership and four stages.
#[allow(clippy::too_many_lines)] // one story, told in order
fn build(fees: &Fees) -> Result<(SmugglingNetwork, Vec<ActorId>), Box<dyn std::error::Error>> {
    let [clan_fee, boat_fee, jungle_fee, line_fee] = &fees.figures;
    let (boat_price, jungle_price, line_price) = (fee(boat_fee)?, fee(jungle_fee)?, fee(line_fee)?);

    let necocli = Stage::new(0, "Necoclí/Turbo");
    let capurgana = Stage::new(1, "Capurganá/Acandí");
    let trails = Stage::new(2, "Darién jungle trails");
    let bajo = Stage::new(3, "Bajo Chiquito");
    let report = Source::new("corridor example", "Illustrative synthetic network (not real people)");

    let mut b = SmugglingNetwork::builder();
    let clan = b.add_actor(
        Actor::organisation("Clan del Golfo (illustrative cell)")
            .alias("AGC cell")
            .country(Country::COL)
            .fee(fee(clan_fee)?),
    );
    let leaders = crew(&mut b, "Leader", Role::Leader, &[], 2);
    let financiers = crew(&mut b, "Financier", Role::Financier, &[], 2);
    let coord: Vec<ActorId> = [&necocli, &capurgana, &trails, &bajo]
        .iter()
        .map(|s| {
            b.add_actor(
                Actor::person(format!("Coordinator {}", s.name()))
                    .role(Role::Coordinator)
                    .country(Country::COL)
                    .stage((*s).clone())
                    .fee(line_price)
                    .capacity(1500),
            )
        })
        .collect();
    let recruiters = crew(&mut b, "Recruiter", Role::Recruiter, std::slice::from_ref(&necocli), 6);
    let lodging: Vec<ActorId> = (1..=4)
        .map(|i| {
            let s = if i <= 2 { necocli.clone() } else { capurgana.clone() };
            b.add_actor(
                Actor::person(format!("Lodging {i}"))
                    .role(Role::Lodging)
                    .stage(s)
                    .capacity(300),
            )
        })
        .collect();
    let boats: Vec<ActorId> = (1..=5)
        .map(|i| {
            b.add_actor(
                Actor::person(format!("Boat operator {i}"))
                    .role(Role::BoatOperator)
                    .country(Country::COL)
                    .stage(necocli.clone())
                    .stage(capurgana.clone())
                    .fee(boat_price)
                    .capacity(400 + 100 * (i as u32 % 3)),
            )
        })
        .collect();
    let guides: Vec<ActorId> = (1..=10)
        .map(|i| {
            let mut a = Actor::person(format!("Guide {i}"))
                .role(Role::Guide)
                .stage(trails.clone())
                .fee(jungle_price)
                .capacity(150 + 25 * (i as u32 % 4));
            if i > 6 {
                a = a.stage(bajo.clone()).country(Country::PAN);
            }
            b.add_actor(a)
        })
        .collect();
    let river: Vec<ActorId> = (1..=3)
        .map(|i| {
            b.add_actor(
                Actor::person(format!("River transporter {i}"))
                    .role(Role::Transporter)
                    .country(Country::PAN)
                    .stage(bajo.clone())
                    .capacity(250),
            )
        })
        .collect();
    let official = b.add_actor(
        Actor::person("Official")
            .role(Role::CorruptOfficial)
            .stage(capurgana.clone()),
    );
    let lookouts = crew(&mut b, "Lookout", Role::Lookout, std::slice::from_ref(&trails), 3);
    let forger = b.add_actor(
        Actor::person("Forger")
            .role(Role::DocumentForger)
            .stage(necocli.clone()),
    );

    let command = || Tie::directed(TieKind::Command).source(report.clone());
    let logistics = || Tie::undirected(TieKind::Logistics).source(report.clone());
    for &p in leaders.iter().chain(&financiers).chain(&coord) {
        b.add_tie(p, clan, Tie::undirected(TieKind::Membership))?;
    }
    b.add_tie(leaders[0], leaders[1], Tie::undirected(TieKind::Kinship))?;
    for (k, &c) in coord.iter().enumerate() {
        b.add_tie(leaders[k % 2], c, command())?;
        b.add_tie(c, financiers[k % 2], Tie::directed(TieKind::Financial).weight(2.0))?;
    }
    for w in coord.windows(2) {
        b.add_tie(w[0], w[1], Tie::undirected(TieKind::Communication).weight(3.0))?;
    }
    for (i, &r) in recruiters.iter().enumerate() {
        b.add_tie(coord[0], r, command())?;
        b.add_tie(r, lodging[i % 2], logistics())?;
    }
    for (i, &l) in lodging.iter().enumerate() {
        b.add_tie(coord[usize::from(i >= 2)], l, command())?;
    }
    for (i, &boat) in boats.iter().enumerate() {
        b.add_tie(coord[0], boat, command())?;
        b.add_tie(boat, lodging[2 + i % 2], logistics())?;
        b.add_tie(boat, lodging[i % 2], logistics())?;
    }
    for (i, &g) in guides.iter().enumerate() {
        b.add_tie(coord[2], g, command())?;
        b.add_tie(lodging[2 + i % 2], g, logistics())?;
        if i >= 6 {
            b.add_tie(g, coord[3], command())?;
            b.add_tie(g, river[i % 3], logistics())?;
        }
    }
    for w in guides.windows(2) {
        b.add_tie(w[0], w[1], Tie::undirected(TieKind::Communication))?;
    }
    for &r in &river {
        b.add_tie(coord[3], r, command())?;
    }
    b.add_tie(official, coord[1], Tie::directed(TieKind::Financial).weight(5.0))?;
    b.add_tie(official, financiers[0], Tie::undirected(TieKind::Communication))?;
    for (i, &l) in lookouts.iter().enumerate() {
        b.add_tie(coord[2], l, Tie::undirected(TieKind::Communication))?;
        b.add_tie(l, guides[3 * i], Tie::undirected(TieKind::Communication))?;
    }
    b.add_tie(forger, coord[0], logistics())?;
    b.add_tie(forger, financiers[1], Tie::directed(TieKind::Financial))?;
    let arrested = vec![leaders[0], coord[1], boats[0], boats[1], official];
    Ok((b.build()?, arrested))
}

/// The optional `GraphML` path and the optional `--svg DIR`.
type Args = (Option<std::ffi::OsString>, Option<std::path::PathBuf>);

fn args() -> Result<Args, Box<dyn std::error::Error>> {
    let mut graphml = None;
    let mut svg = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        if a == "--svg" {
            svg = Some(args.next().ok_or("--svg needs a directory: --svg DIR")?.into());
        } else if graphml.is_none() {
            graphml = Some(a);
        } else {
            return Err(format!(
                "unexpected argument \"{}\" (usage: smuggling_network [OUT.graphml] [--svg DIR])",
                a.to_string_lossy()
            )
            .into());
        }
    }
    if svg.is_some() && !cfg!(feature = "plot") {
        return Err(
            "--svg needs the `plot` feature: cargo run --example smuggling_network --features plot -- --svg DIR".into(),
        );
    }
    Ok((graphml, svg))
}

/// The charts behind `--svg DIR` (feature `plot`).
#[cfg(feature = "plot")]
mod charts {
    use corridor::network::AttackComparison;
    use corridor::plot::{Chart, resilience_svg};

    pub(crate) fn write(
        dir: &std::path::Path,
        plain: &AttackComparison,
        recovering: &AttackComparison,
    ) -> Result<(), Box<dyn std::error::Error>> {
        std::fs::create_dir_all(dir)?;
        let note =
            "ILLUSTRATIVE, SYNTHETIC NETWORK: invented actors shaped like the Urabá–Darién route, not intelligence.";
        for (name, cmp, title) in [
            (
                "resilience.svg",
                plain,
                "Resilience of an illustrative smuggling network under four attacks",
            ),
            (
                "resilience_recovery.svg",
                recovering,
                "The same attacks when a removed actor's ties pass to a same-role neighbour",
            ),
        ] {
            let chart = Chart::default().size(1100, 460).title(title).note(note);
            let path = dir.join(name);
            std::fs::write(&path, resilience_svg(cmp, &chart)?)?;
            println!("\nwrote {}", path.display());
        }
        Ok(())
    }
}

/// Without the `plot` feature `--svg` is refused when the arguments are read.
#[cfg(not(feature = "plot"))]
mod charts {
    pub(crate) fn write(
        _: &std::path::Path,
        _: &corridor::network::AttackComparison,
        _: &corridor::network::AttackComparison,
    ) -> Result<(), Box<dyn std::error::Error>> {
        Err("--svg needs the `plot` feature".into())
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let fees = Fees {
        figures: [
            figure("Clan del Golfo fee per migrant")?,
            figure("Boat Necoclí->Acandí")?,
            figure("Average paid to cross the jungle")?,
            figure("Fee charged Africans/Haitians by 'jefes de línea'")?,
        ],
    };
    let (graphml, svg) = args()?;
    let (net, arrested) = build(&fees)?;

    println!("ILLUSTRATIVE, SYNTHETIC NETWORK (invented actors, not real people)");
    println!(
        "{} actors, {} ties ({} edges in the analysis graph, {})",
        net.actor_count(),
        net.tie_count(),
        net.edge_count(),
        if net.is_directed() { "directed" } else { "undirected" }
    );
    println!("Fees per migrant (published figures):");
    for f in &fees.figures {
        println!("  {:>6} {}  {}  [{}]", f.value, f.unit, f.fact, f.address);
    }

    let name = |id: ActorId| net.actor(id).map_or("?", |a| a.name());
    let betweenness = net.betweenness();
    let mut ranked: Vec<(ActorId, f64)> = net.actors().map(|(id, _)| (id, betweenness[id.index()])).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("\nBrokers (betweenness, networkx normalisation, directed analysis graph):");
    for (id, bc) in ranked.iter().take(8) {
        println!("  {:<40} {bc:.4}", name(*id));
    }

    let d = net.disrupt(&arrested)?;
    println!("\nJoint operation (illustrative): arrests of");
    for &a in d.removed() {
        println!("  {}", name(a));
    }
    let cap = |c: Option<corridor::network::CorridorFlow>| match c.map(|c| c.capacity()) {
        Some(Capacity::Bounded(x)) => format!("{x} migrants/month"),
        Some(Capacity::Unbounded) => "unbounded".to_owned(),
        None => "-".to_owned(),
    };
    for (label, m) in [("before", d.before()), ("after", d.after())] {
        println!(
            "  {label:<6} largest component {:>2} ({:.0}%), components {:>2}, fragmentation {:.3}, efficiency {:.3}, \
             Necoclí→Bajo Chiquito capacity {}",
            m.largest_component(),
            100.0 * m.largest_component_share(),
            m.components(),
            m.fragmentation(),
            m.efficiency(),
            cap(m.corridor())
        );
    }

    let attacks = [
        Attack::HighestDegree,
        Attack::HighestBetweenness { recompute: true },
        Attack::ByRole(Role::BoatOperator),
        Attack::Random { seed: 2024 },
    ];
    println!("\nResilience curves, no recovery (lcc = largest component share, eff = global efficiency):");
    let plain = net.compare_attacks(&attacks, 8, Recovery::None)?;
    print!("{plain}");
    println!("\nThe same with recovery (a removed actor's ties pass to a same-role neighbour):");
    let recovering = net.compare_attacks(&attacks, 8, Recovery::SameRoleNeighbour)?;
    print!("{recovering}");
    if let Some(dir) = svg {
        charts::write(&dir, &plain, &recovering)?;
    }

    match graphml {
        Some(path) => {
            let file = std::io::BufWriter::new(std::fs::File::create(&path)?);
            write_graphml(&net, file)?;
            println!("\nGraphML written to {}", path.to_string_lossy());
        }
        None => {
            println!("\nGraphML not written: pass a path, e.g. `cargo run --example smuggling_network -- net.graphml`");
        }
    }
    Ok(())
}
