import { describe, expect, it } from "vitest";
import { mapValue, readPath, renderTemplate, templateVariables, unknownVariables } from "./template";

const data = { name: "Ada <Admin>", amount: 12000, tags: ["a", "b"], order: { id: "o-1" } };

describe("templates", () => {
  it("lists variables once, in order", () => {
    expect(templateVariables("{{ name }} paid {{amount}} for {{order.id}} ({{name}})")).toEqual(["name", "amount", "order.id"]);
  });

  it("escapes HTML, formats numbers and lists, and flags missing variables", () => {
    expect(renderTemplate("<b>{{name}}</b> {{amount}} {{tags}} {{missing}}", data, "html")).toEqual({ output: "<b>Ada &lt;Admin&gt;</b> 12,000 a, b ", missing: ["missing"] });
    expect(renderTemplate("{{name}}", data, "text").output).toBe("Ada <Admin>");
  });

  it("encodes values as JSON in JSON mode, so data cannot break out of the document", () => {
    const body = renderTemplate('{"who": {{name}}, "n": {{amount}}, "x": {{nope}}}', { ...data, name: 'a", "admin": true, "b": "' }, "json").output;
    expect(JSON.parse(body)).toEqual({ who: 'a", "admin": true, "b": "', n: 12000, x: null });
  });

  it("reads only own properties", () => {
    expect(readPath(data, "order.id")).toBe("o-1");
    expect(readPath(data, "constructor")).toBeUndefined();
    expect(readPath(data, "name.length")).toBeUndefined();
    expect(renderTemplate("{{__proto__}}", data).missing).toEqual(["__proto__"]);
  });

  it("maps '=path' by value and anything else as text", () => {
    expect(mapValue("=amount", data)).toBe(12000);
    expect(mapValue("=nope", data)).toBeNull();
    expect(mapValue("Order {{order.id}}", data)).toBe("Order o-1");
    expect(unknownVariables("{{name}} {{x.y}}", (path) => path === "name")).toEqual(["x.y"]);
  });
});
