"""Reference values for the capacity-cut lever fed from a smuggling network (tests/integration/sim_levers.rs).

The network: boat crews A (300 migrants a month) and B (200) at stage 0, guides C (250) and D (400) at stage 1, a
transporter E (600) at stage 2; ties A-C, A-D, B-D, C-E, D-E (undirected). The corridor capacity is
networkx.maximum_flow_value on the node-split graph as corridor::network defines it (actor capacity on
v_in -> v_out, ties unlimited both ways, a super-source to the actors of the first stage, the actors of the last
stage to a super-sink), before and after an operation arrests D.
Run: python3 tests/reference-scripts/sim_capacity_cut.py
"""
import networkx as nx

CAP = {"A": 300, "B": 200, "C": 250, "D": 400, "E": 600}
STAGE = {"A": 0, "B": 0, "C": 1, "D": 1, "E": 2}
TIES = [("A", "C"), ("A", "D"), ("B", "D"), ("C", "E"), ("D", "E")]


def flow(removed):
    g = nx.DiGraph()
    keep = [v for v in CAP if v not in removed]
    first, last = min(STAGE.values()), max(STAGE.values())
    for v in keep:
        g.add_edge(v + "_in", v + "_out", capacity=CAP[v])
        if STAGE[v] == first:
            g.add_edge("S", v + "_in")
        if STAGE[v] == last:
            g.add_edge(v + "_out", "T")
    for u, v in TIES:
        if u in keep and v in keep:
            g.add_edge(u + "_out", v + "_in")
            g.add_edge(v + "_out", u + "_in")
    g.add_node("S")
    g.add_node("T")
    return nx.maximum_flow_value(g, "S", "T")


if __name__ == "__main__":
    print("networkx", nx.__version__)
    print("before", flow(set()))
    print("after arresting D", flow({"D"}))
    print("after arresting A", flow({"A"}))
