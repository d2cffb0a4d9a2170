package server

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tidings/record"
	"tidings/store"
)

// openAPIDoc is the part of an OpenAPI document that the tests read.
type openAPIDoc struct {
	OpenAPI string                                 `json:"openapi"`
	Paths   map[string]map[string]openAPIOperation `json:"paths"`
}

type openAPIOperation struct {
	OperationID string            `json:"operationId"`
	Parameters  []json.RawMessage `json:"parameters"`
	Responses   map[string]any    `json:"responses"`
}

func loadOpenAPI(t *testing.T) (openAPIDoc, map[string]any) {
	t.Helper()
	data, err := assets.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc openAPIDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return doc, raw
}

// openAPIPath turns a ServeMux pattern into its method and OpenAPI path:
// "GET /api/entities/{id...}" -> "get", "/api/entities/{id}";
// "GET /{$}" -> "get", "/".
func openAPIPath(pattern string) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	path = strings.ReplaceAll(path, "...}", "}")
	path = strings.TrimSuffix(path, "{$}")
	return strings.ToLower(method), path
}

// TestOpenAPIMatchesRoutes checks that the document describes every
// registered route and no other.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc, _ := loadOpenAPI(t)
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	registered := map[string]bool{}
	for _, rt := range (&server{}).routes() {
		method, path := openAPIPath(rt.pattern)
		registered[method+" "+path] = true
		op, ok := doc.Paths[path][method]
		if !ok {
			t.Errorf("route %q (%s %s) is not in openapi.json", rt.pattern, method, path)
			continue
		}
		if op.OperationID == "" || len(op.Responses) == 0 {
			t.Errorf("%s %s: no operationId or no responses", method, path)
		}
		if _, ok := op.Responses["200"]; !ok && method == "get" {
			t.Errorf("%s %s: no 200 response", method, path)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !registered[method+" "+path] {
				t.Errorf("openapi.json describes %s %s, which no route serves", method, path)
			}
		}
	}
}

var pathParam = regexp.MustCompile(`\{(\w+)\}`)

// TestOpenAPIParameters checks that every path parameter is declared, and
// that the query parameters of each API operation are the ones its
// handler reads.
func TestOpenAPIParameters(t *testing.T) {
	doc, raw := loadOpenAPI(t)
	params := raw["components"].(map[string]any)["parameters"].(map[string]any)
	resolve := func(p json.RawMessage) (name, in string) {
		var v struct {
			Ref  string `json:"$ref"`
			Name string `json:"name"`
			In   string `json:"in"`
		}
		if err := json.Unmarshal(p, &v); err != nil {
			t.Fatal(err)
		}
		if v.Ref != "" {
			target, ok := params[strings.TrimPrefix(v.Ref, "#/components/parameters/")].(map[string]any)
			if !ok {
				t.Fatalf("unresolved parameter %s", v.Ref)
			}
			return target["name"].(string), target["in"].(string)
		}
		return v.Name, v.In
	}
	wantQuery := map[string][]string{
		"post /api/analyze":      {"in", "published", "store"},
		"get /api/articles":      {"actor", "entity", "event", "from", "limit", "offset", "q", "tag", "to"},
		"get /api/search":        {"actor", "entity", "event", "from", "limit", "offset", "q", "tag", "to"},
		"get /api/entities":      {"limit", "prefix"},
		"get /api/entities/{id}": {"actor", "event", "from", "q", "tag", "to"},
		"get /api/tags":          {"limit", "prefix"},
		"get /api/timeline":      {"actor", "entity", "event", "from", "q", "tag", "to"},
		"get /api/events":        {"actor", "event", "format", "from", "to"},
		"get /":                  {"actor", "entity", "event", "from", "page", "q", "tag", "to"},
		"get /entities/{id}":     {"page"},
		"get /tags/{tag}":        {"page"},
	}
	for path, ops := range doc.Paths {
		for method, op := range ops {
			var query, inPath []string
			for _, p := range op.Parameters {
				name, in := resolve(p)
				switch in {
				case "query":
					query = append(query, name)
				case "path":
					inPath = append(inPath, name)
				}
			}
			var want []string
			for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
				want = append(want, m[1])
			}
			if !slices.Equal(inPath, want) {
				t.Errorf("%s %s: path parameters %v, want %v", method, path, inPath, want)
			}
			slices.Sort(query)
			if !slices.Equal(query, wantQuery[method+" "+path]) {
				t.Errorf("%s %s: query parameters %v, want %v", method, path, query, wantQuery[method+" "+path])
			}
		}
	}
}

// TestOpenAPIRefs checks that every $ref of the document resolves.
func TestOpenAPIRefs(t *testing.T) {
	_, raw := loadOpenAPI(t)
	var walk func(v any)
	refs := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				refs++
				var target any = raw
				for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, ok := target.(map[string]any)
					if !ok {
						t.Errorf("$ref %s does not resolve", ref)
						return
					}
					if target, ok = m[part]; !ok {
						t.Errorf("$ref %s does not resolve", ref)
						return
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(raw)
	if refs < 20 {
		t.Errorf("only %d $refs: is the document whole?", refs)
	}
}

// TestOpenAPISchemas checks that each response schema has exactly the
// JSON fields of the Go type that the handlers encode.
func TestOpenAPISchemas(t *testing.T) {
	_, raw := loadOpenAPI(t)
	schemas := raw["components"].(map[string]any)["schemas"].(map[string]any)
	types := map[string]reflect.Type{
		"Error":         reflect.TypeFor[errorBody](),
		"AnalyzeResult": reflect.TypeFor[analyzeResult](),
		"PutResult":     reflect.TypeFor[store.PutResult](),
		"Results":       reflect.TypeFor[store.Results](),
		"Hit":           reflect.TypeFor[store.Hit](),
		"Article":       reflect.TypeFor[store.Article](),
		"EntitySummary": reflect.TypeFor[store.EntitySummary](),
		"Bucket":        reflect.TypeFor[store.Bucket](),
		"TagCount":      reflect.TypeFor[store.TagCount](),
		"Stats":         reflect.TypeFor[store.Stats](),
		"Record":        reflect.TypeFor[record.Record](),
		"Tag":           reflect.TypeFor[record.Tag](),
		"Entity":        reflect.TypeFor[record.Entity](),
		"Mention":       reflect.TypeFor[record.Mention](),
		"Date":          reflect.TypeFor[record.Date](),
		"Event":         reflect.TypeFor[record.Event](),
		"Actor":         reflect.TypeFor[record.Actor](),
	}
	for name, typ := range types {
		schema, ok := schemas[name].(map[string]any)
		if !ok {
			t.Errorf("schema %s missing", name)
			continue
		}
		var documented []string
		for p := range schema["properties"].(map[string]any) {
			documented = append(documented, p)
		}
		slices.Sort(documented)
		if fields := jsonFields(typ); !slices.Equal(documented, fields) {
			t.Errorf("schema %s has properties %v; %s encodes %v", name, documented, typ, fields)
		}
	}
}

// jsonFields returns the sorted JSON names of a struct's fields,
// embedded structs flattened.
func jsonFields(typ reflect.Type) []string {
	var out []string
	for f := range typ.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}
