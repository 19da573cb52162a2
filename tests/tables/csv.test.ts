import { describe, expect, it } from "vitest";
import { tableToCsv } from "../../src/tables/csv.js";
import { DOCS, tableAt } from "./corpus.js";

describe("tableToCsv", () => {
  it("writes the stub, column labels and cells as printed, quoting separators", () => {
    const lines = tableToCsv(tableAt(DOCS.chen, 1)).split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "Cities,GDP (billion yuan),Gross industrial output (billion yuan),Population (thousand),Electronics output (billion yuan),Electronics output by FIEs (billion yuan),Employment in the electronics industry (thousand)",
    );
    expect(lines[1]).toBe('Suzhou,670,"1,863","9,217",645,628,"1,132"');
  });

  it("adds a group column and leaves empty cells empty", () => {
    const lines = tableToCsv(tableAt(DOCS.zhou, 2)).split("\r\n");
    expect(lines[0]?.startsWith(",group,National database: No. of firms in the database,")).toBe(
      true,
    );
    expect(lines[6]).toBe("Beijing,Region (software),6224,80.96,19.04,180,86.67,13.33,2.252");
    expect(tableToCsv(tableAt(DOCS.zhou, 4)).split("\r\n")[5]).toBe("Dongguan,2.67,6.74,115,,,");
  });

  it("quotes fields with quotes and uses keys for unnamed columns", () => {
    expect(tableToCsv(tableAt(DOCS.chen, 3))).toContain(
      '"""The Guidelines for Shenzhen Enterprises',
    );
    expect(tableToCsv(tableAt(DOCS.bohai, 7)).split("\r\n")[0]).toBe(
      "Year,Total,Integrated Circuits,Computers & Peripherals,Tele-Communications,c5,c6,c7",
    );
  });

  it("gives an empty string for an unparsed table", () => {
    expect(tableToCsv(tableAt(DOCS.bohai, 3))).toBe("");
  });
});
