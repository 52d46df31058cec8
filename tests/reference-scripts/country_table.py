#!/usr/bin/env python3
"""Generate src/country/table.rs and tests/data/reference/country.json.

Sources (no network access; both are pip packages):
  * ISO 3166-1 (alpha-2, alpha-3, numeric, English short name, official and
    common names): `pycountry` (Debian iso-codes data).
  * One entry that is not ISO 3166-1: Kosovo, with the user-assigned codes
    `XK` / `XKX` that UNHCR, IOM and HDX use, from the taxonomy's "x Alpha2
    codes" / "x Alpha3 codes" columns (no numeric code: M49 has none).
  * UN M49 region / sub-region / intermediate region, and the M49 English
    names: the OCHA "Countries & Territories Taxonomy" CSV shipped inside the
    `hdx-python-country` package (read from the package, never downloaded).

Run from the repository root:

    pip install pycountry==26.2.16 hdx-python-country==4.2.5
    python3 tests/reference-scripts/country_table.py
    cargo fmt
"""

import csv
import hashlib
import json
import os
import unicodedata
from importlib.metadata import version

import hdx.location
import pycountry

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TAXONOMY = os.path.join(
    os.path.dirname(hdx.location.__file__),
    "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv",
)

# Common English names used in migration statistics (UNHCR, IOM, World Bank,
# national migration services) that are neither the ISO short name, the ISO
# official name, pycountry's common name nor the M49 English name. Curated by
# hand; every alias must resolve to exactly one country (checked below).
CURATED = {
    "BOL": ["Bolivia (Plurinational State of)"],
    "BHS": ["The Bahamas", "Bahamas, The"],
    "BIH": ["Bosnia"],
    "BRN": ["Brunei"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "COD": [
        "DR Congo",
        "DRC",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Congo, Democratic Republic of the",
        "Congo, Dem. Rep.",
        "Congo-Kinshasa",
        "Congo (Kinshasa)",
    ],
    "COG": ["Republic of Congo", "Congo, Rep.", "Congo-Brazzaville", "Congo (Brazzaville)"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "EGY": ["Egypt, Arab Rep."],
    "FSM": ["Micronesia", "Micronesia, Fed. Sts."],
    "GBR": ["UK", "U.K.", "Great Britain", "Britain"],
    "GMB": ["The Gambia", "Gambia, The"],
    "HKG": ["Hong Kong SAR, China", "Hong Kong, China"],
    "IRN": ["Iran, Islamic Rep."],
    "KGZ": ["Kyrgyz Republic"],
    "KNA": ["St. Kitts and Nevis", "St Kitts and Nevis"],
    "KOR": ["Korea, Rep.", "Korea, South", "Republic of Korea"],
    "LAO": ["Lao PDR"],
    "LCA": ["St. Lucia", "St Lucia"],
    "MAC": ["Macau", "Macao SAR, China"],
    "MDA": [],
    "MKD": ["Macedonia"],
    "MMR": ["Burma"],
    "PRK": ["Korea, Dem. People's Rep.", "Korea, North"],
    "PSE": ["Palestine", "West Bank and Gaza"],
    "RUS": ["Russia"],
    "SVK": ["Slovak Republic"],
    "SWZ": ["Swaziland"],
    "TLS": ["East Timor", "Timor Leste"],
    "TUR": ["Turkey"],
    "USA": ["USA", "U.S.A.", "US", "U.S.", "United States of America"],
    "VAT": ["Holy See", "Vatican", "Vatican City"],
    "VCT": ["St. Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "VEN": ["Venezuela, RB"],
    "VGB": ["British Virgin Islands"],
    "VIR": ["US Virgin Islands", "U.S. Virgin Islands", "Virgin Islands (U.S.)"],
    "YEM": ["Yemen, Rep."],
}


# Entries outside ISO 3166-1, by the user-assigned alpha-3 code of the taxonomy.
USER_ASSIGNED = ["XKX"]


def ident(name: str) -> str:
    """M49 name -> Rust enum variant ("South-eastern Asia" -> SouthEasternAsia)."""
    out = []
    for word in name.replace("-", " ").split():
        out.append(word[0].upper() + word[1:])
    return "".join(out)


def key(name: str) -> str:
    """Lookup key: trimmed, right single quote as apostrophe, lowercase."""
    return name.strip().replace("\u2019", "'").lower()


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def rust_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def main() -> None:
    with open(TAXONOMY, "rb") as f:
        taxonomy_sha256 = hashlib.sha256(f.read()).hexdigest()
    with open(TAXONOMY, encoding="utf-8") as f:
        m49 = {r["ISO 3166-1 Alpha 3-Codes"]: r for r in csv.DictReader(f) if r["ISO 3166-1 Alpha 3-Codes"]}

    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        r = m49[c.alpha_3]
        assert r["ISO 3166-1 Alpha 2-Codes"] == c.alpha_2, c.alpha_3
        assert int(r["m49 numerical code"]) == int(c.numeric), c.alpha_3
        rows.append(
            {
                "alpha2": c.alpha_2,
                "alpha3": c.alpha_3,
                "numeric": int(c.numeric),
                "name": c.name,
                "official_name": getattr(c, "official_name", None),
                "common_name": getattr(c, "common_name", None),
                "m49_name": r["M49 English"] or None,
                "region": r["Region Name"] or None,
                "region_code": int(r["Region Code"]) if r["Region Code"] else None,
                "sub_region": r["Sub-region Name"] or None,
                "sub_region_code": int(r["Sub-region Code"]) if r["Sub-region Code"] else None,
                "intermediate_region": r["Intermediate Region Name"] or None,
                "intermediate_region_code": int(r["Intermediate Region Code"])
                if r["Intermediate Region Code"]
                else None,
            }
        )
    assert len(rows) == 249, len(rows)
    for field in ("alpha2", "alpha3", "numeric"):
        assert len({r[field] for r in rows}) == 249, field
    for r in rows:
        r["iso"] = True
    # User-assigned (non-ISO) entries that humanitarian data uses: Kosovo only.
    taxonomy = list(csv.DictReader(open(TAXONOMY, encoding="utf-8")))
    for a3 in USER_ASSIGNED:
        (t,) = [t for t in taxonomy if t["x Alpha3 codes"] == a3]
        assert not t["m49 numerical code"], a3
        rows.append(
            {
                "alpha2": t["x Alpha2 codes"],
                "alpha3": a3,
                "numeric": None,
                "name": t["Preferred Term"],
                "official_name": None,
                "common_name": None,
                "m49_name": None,
                "region": t["Region Name"] or None,
                "region_code": int(t["Region Code"]) if t["Region Code"] else None,
                "sub_region": t["Sub-region Name"] or None,
                "sub_region_code": int(t["Sub-region Code"]) if t["Sub-region Code"] else None,
                "intermediate_region": t["Intermediate Region Name"] or None,
                "intermediate_region_code": int(t["Intermediate Region Code"])
                if t["Intermediate Region Code"]
                else None,
                "iso": False,
            }
        )
    rows.sort(key=lambda r: r["alpha3"])
    for field in ("alpha2", "alpha3"):
        assert len({r[field] for r in rows}) == len(rows), field
    # Every region-less entry is region-less all the way down.
    for r in rows:
        if r["region"] is None:
            assert r["sub_region"] is None and r["intermediate_region"] is None, r

    # Names: ISO short name, ISO official name, common name, M49 English name, curated aliases,
    # and ASCII-folded forms of all of them ("Cote d'Ivoire", "Reunion", "Turkiye").
    names: dict[str, int] = {}
    for i, r in enumerate(rows):
        cands = [r["name"], r["official_name"], r["common_name"], r["m49_name"]]
        cands += CURATED.get(r["alpha3"], [])
        for n in list(cands):
            if n:
                cands.append(ascii_fold(n))
        for n in cands:
            if not n:
                continue
            k = key(n)
            if k in names:
                assert names[k] == i, f"alias {n!r} names two countries"
                continue
            names[k] = i
    for a3 in CURATED:
        assert any(r["alpha3"] == a3 for r in rows), a3

    versions = {
        "pycountry": version("pycountry"),
        "hdx-python-country": version("hdx-python-country"),
        "taxonomy_csv_sha256": taxonomy_sha256,
    }

    # ---- Rust ---------------------------------------------------------------------------
    out = []
    w = out.append
    w("// @generated by tests/reference-scripts/country_table.py -- do not edit by hand.")
    w("//")
    w("// Sources:")
    w(f"// - ISO 3166-1 codes and English short names: pycountry {versions['pycountry']}")
    w("//   (Debian iso-codes data).")
    w("// - UN M49 region, sub-region and intermediate region: the OCHA \"Countries &")
    w(f"//   Territories Taxonomy\" CSV shipped in hdx-python-country {versions['hdx-python-country']}")
    w(f"//   (sha256 {taxonomy_sha256}).")
    w("//   Cross-checked against the UN M49 standard (unstats.un.org/unsd/methodology/m49);")
    w("//   the one entry M49 itself does not list, Taiwan, is placed as in the OCHA taxonomy")
    w("//   (Asia / Eastern Asia). Antarctica has no M49 region.")
    w("// - Name aliases: ISO official names, pycountry common names, M49 English names,")
    w("//   a curated list of names used in migration statistics (see the script), and the")
    w("//   ASCII-folded form of each.")
    w("// - One entry outside ISO 3166-1: Kosovo, with the user-assigned codes XK / XKX of the")
    w("//   same taxonomy (used by UNHCR, IOM and HDX), its M49 region as there, no numeric code.")
    w("")
    w("#![allow(clippy::doc_markdown, reason = \"country names in doc comments are not code\")]")
    w("")
    w("use super::{Country, Entry};")
    w("use super::region::{IntermediateRegion, Region, SubRegion};")
    w("")
    numbered = [r for r in rows if r["numeric"] is not None]
    w(f"/// Number of entries: ISO 3166-1 and the user-assigned ones.")
    w(f"pub(super) const LEN: usize = {len(rows)};")
    w("")
    w(f"/// Number of entries with a numeric code.")
    w(f"pub(super) const NUMBERED: usize = {len(numbered)};")
    w("")
    w("/// The table, sorted by alpha-3 code.")
    w("pub(super) static ENTRIES: [Entry; LEN] = [")
    for r in rows:
        reg = f"Some(Region::{ident(r['region'])})" if r["region"] else "None"
        sub = f"Some(SubRegion::{ident(r['sub_region'])})" if r["sub_region"] else "None"
        inter = (
            f"Some(IntermediateRegion::{ident(r['intermediate_region'])})" if r["intermediate_region"] else "None"
        )
        w(
            f"    Entry {{ alpha2: {rust_str(r['alpha2'])}, alpha3: {rust_str(r['alpha3'])}, "
            f"numeric: {'None' if r['numeric'] is None else 'Some(%d)' % r['numeric']}, "
            f"iso: {'true' if r['iso'] else 'false'}, name: {rust_str(r['name'])}, region: {reg}, "
            f"sub_region: {sub}, intermediate_region: {inter} }},"
        )
    w("];")
    w("")

    def pack(s: str) -> int:
        v = 0
        for ch in s.encode("ascii"):
            v = (v << 8) | ch
        return v

    w("/// Alpha-3 codes packed big-endian into the low three bytes; index = position (sorted).")
    w("pub(super) static ALPHA3_KEYS: [u32; LEN] = [")
    for r in rows:
        w(f"    0x{pack(r['alpha3']) >> 16:02x}_{(pack(r['alpha3']) >> 8) & 0xff:02x}_{pack(r['alpha3']) & 0xff:02x}, // {r['alpha3']}")
    w("];")
    w("")
    w("/// Alpha-2 codes packed big-endian, sorted, with the table index.")
    w("pub(super) static BY_ALPHA2: [(u16, u8); LEN] = [")
    for k, i in sorted((pack(r["alpha2"]), i) for i, r in enumerate(rows)):
        w(f"    (0x{k:04x}, {i}), // {rows[i]['alpha2']}")
    w("];")
    w("")
    w("/// Numeric codes, sorted, with the table index.")
    w("pub(super) static BY_NUMERIC: [(u16, u8); NUMBERED] = [")
    for k, i in sorted((r["numeric"], i) for i, r in enumerate(rows) if r["numeric"] is not None):
        w(f"    ({k}, {i}), // {rows[i]['alpha3']}")
    w("];")
    w("")
    w("/// Lower-case names and aliases (apostrophes normalised), sorted by bytes, with the table index.")
    w(f"pub(super) static BY_NAME: [(&str, u8); {len(names)}] = [")
    for k in sorted(names, key=lambda s: s.encode("utf-8")):
        w(f"    ({rust_str(k)}, {names[k]}),")
    w("];")
    w("")
    w("/// One associated constant per entry, named by its alpha-3 code.")
    w("impl Country {")
    for i, r in enumerate(rows):
        if r["iso"]:
            w(f"    /// {r['name']} (`{r['alpha2']}`, `{r['alpha3']}`, `{r['numeric']:03}`).")
        else:
            w(f"    /// {r['name']} (`{r['alpha2']}`, `{r['alpha3']}`): user-assigned codes, not ISO 3166-1; no numeric code.")
        w(f"    pub const {r['alpha3']}: Country = Country({i});")
    w("}")
    w("")
    with open(os.path.join(ROOT, "src", "country", "table.rs"), "w", encoding="utf-8") as f:
        f.write("\n".join(out))

    # ---- reference JSON -------------------------------------------------------------------
    aliases = {a3: CURATED[a3] for a3 in sorted(CURATED) if CURATED[a3]}
    ref = {
        "description": "ISO 3166-1 entries (pycountry) with UN M49 regions (OCHA taxonomy in hdx-python-country), "
        "Kosovo (user-assigned XK / XKX, no numeric code; iso false), "
        "and the curated common-name aliases; generated by tests/reference-scripts/country_table.py",
        "versions": versions,
        "countries": rows,
        "curated_aliases": aliases,
    }
    with open(os.path.join(ROOT, "tests", "data", "reference", "country.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(rows)} entries, {len(names)} names")


if __name__ == "__main__":
    main()
