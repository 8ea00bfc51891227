// Input for tests/reliability/crash.sh, made up on the spot so that every round
// imports records no earlier round holds (the databases are reused between
// rounds, which is much cheaper than a fresh one each time).
//   node crash_data.js csv (<dir> <prefix> <households>)... -> dir/households.csv, dir/allocations.csv
//   node crash_data.js ijw <dir> <prefix> <messages> <first allocation number> <bsn>...
//                                                            -> dir/<prefix>-NNNN.xml, 2 products each
//   node crash_data.js bsns <n>                              -> n BSNs that pass the 11-check
//   node crash_data.js demo <demo households.json> <copies>  -> the demo data, each household copied
"use strict";
const fs = require("fs");
const path = require("path");
const [what, ...args] = process.argv.slice(2);

const domains = ["wmo", "jeugd", "participatie", "schuldhulp", "zvw_ggz"];

function csv(dir, prefix, n) {
  const hh = ["household_id,neighbourhood,members"];
  const al = ["allocation_id,household_id,client_id,neighbourhood,domain,provider_id,product_code,start_date,end_date,hours_per_week,yearly_cost_eur"];
  for (let i = 1; i <= n; i++) {
    const id = `${prefix}H${i}`;
    hh.push(`${id},Boschpoort,2`);
    for (let c = 1; c <= 2; c++)
      for (let a = 1; a <= 2; a++)
        al.push([`${prefix}A${i}x${c}x${a}`, id, `${prefix}C${i}x${c}`, "Boschpoort", domains[(i + c + a) % domains.length],
                 `PRV${String(1 + ((i * 7 + a) % 40)).padStart(4, "0")}`, "WM27", "2018-02-01", "", "4", "1234.56"].join(","));
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "households.csv"), hh.join("\n") + "\n");
  fs.writeFileSync(path.join(dir, "allocations.csv"), al.join("\n") + "\n");
}

function product(number, code) {
  return `      <jw301:ToegewezenProduct>
        <jw301:ToewijzingNummer>${number}</jw301:ToewijzingNummer>
        <jw301:Product>
          <ijw:Categorie>45</ijw:Categorie>
          <ijw:Code>${code}</ijw:Code>
        </jw301:Product>
        <jw301:Toewijzingsdatum>2019-01-02</jw301:Toewijzingsdatum>
        <jw301:Toewijzingstijd>10:00:00</jw301:Toewijzingstijd>
        <jw301:Ingangsdatum>2019-01-01</jw301:Ingangsdatum>
        <jw301:Einddatum>2019-12-31</jw301:Einddatum>
        <jw301:Omvang>
          <ijw:Volume>3</ijw:Volume>
          <ijw:Eenheid>04</ijw:Eenheid>
          <ijw:Frequentie>2</ijw:Frequentie>
        </jw301:Omvang>
      </jw301:ToegewezenProduct>
`;
}

// The shape of tests/interop/messages/jw301_allocation.xml, with its own
// message id, client and allocation numbers.
function ijw(dir, prefix, n, firstNumber, bsns) {
  fs.mkdirSync(dir, { recursive: true });
  let number = +firstNumber;
  for (let k = 1; k <= n; k++) {
    const ref = `${prefix}-${k}`;
    const bsn = bsns[k % bsns.length];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <jw301:Header>
    <jw301:BerichtCode>436</jw301:BerichtCode>
    <jw301:BerichtVersie>3</jw301:BerichtVersie>
    <jw301:BerichtSubversie>2</jw301:BerichtSubversie>
    <jw301:Afzender>0935</jw301:Afzender>
    <jw301:Ontvanger>87654321</jw301:Ontvanger>
    <jw301:BerichtIdentificatie>
      <ijw:Identificatie>${ref}</ijw:Identificatie>
      <ijw:Dagtekening>2019-01-02</ijw:Dagtekening>
    </jw301:BerichtIdentificatie>
    <jw301:XsdVersie>
      <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>
      <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>
    </jw301:XsdVersie>
  </jw301:Header>
  <jw301:Client>
    <jw301:Bsn>${bsn}</jw301:Bsn>
    <jw301:Geboortedatum>
      <ijw:Datum>1980-03-03</ijw:Datum>
    </jw301:Geboortedatum>
    <jw301:Geslacht>0</jw301:Geslacht>
    <jw301:Naam>
      <ijw:Geslachtsnaam>
        <ijw:Achternaam>Test</ijw:Achternaam>
      </ijw:Geslachtsnaam>
      <ijw:Voornamen>Kim</ijw:Voornamen>
      <ijw:NaamGebruik>1</ijw:NaamGebruik>
    </jw301:Naam>
    <jw301:Contactgegevens>
      <jw301:Contact>
        <jw301:Soort>01</jw301:Soort>
      </jw301:Contact>
    </jw301:Contactgegevens>
    <jw301:ToegewezenProducten>
${product(number++, "45A48")}${product(number++, "45A49")}    </jw301:ToegewezenProducten>
  </jw301:Client>
</jw301:Bericht>
`;
    fs.writeFileSync(path.join(dir, `${prefix}-${String(k).padStart(4, "0")}.xml`), xml);
  }
}

function bsns(n) {
  const out = [];
  for (let x = 100000000; out.length < n; x += 7919) {
    const d = String(x).split("").map(Number);
    let sum = -d[8];
    for (let i = 0; i < 8; i++) sum += d[i] * (9 - i);
    if (sum % 11 === 0) out.push(String(x));
  }
  console.log(out.join(" "));
}

function demo(file, copies) {
  const d = JSON.parse(fs.readFileSync(file, "utf8"));
  const out = { ...d, households: [] };
  for (let k = 0; k < +copies; k++)
    for (const h of d.households) out.households.push(JSON.parse(JSON.stringify(h).split(h.id).join(h.id + "x" + k)));
  process.stdout.write(JSON.stringify(out));
}

if (what === "csv") for (let i = 0; i + 2 < args.length; i += 3) csv(args[i], args[i + 1], +args[i + 2]);
else if (what === "ijw") ijw(args[0], args[1], +args[2], args[3], args.slice(4));
else if (what === "bsns") bsns(+args[0]);
else if (what === "demo") demo(args[0], args[1]);
else {
  console.error("crash_data.js: csv | ijw | bsns | demo");
  process.exit(2);
}
