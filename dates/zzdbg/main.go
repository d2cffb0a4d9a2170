// Temporary debugging tool; removed before hand-off.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"tidings/dates"
	"tidings/pipeline"
	"tidings/text"
)

func main() {
	m, err := pipeline.LoadModels("")
	if err != nil {
		panic(err)
	}
	out, _ := os.Create(os.Args[2])
	defer out.Close()
	r := dates.New()
	ctx := func(t string, a, b int) string {
		lo, hi := max(0, a-90), min(len(t), b+60)
		return strings.ReplaceAll(t[lo:a]+"[["+t[a:b]+"]]"+t[b:hi], "\n", " ")
	}
	docs, err := dates.ReadTimeMLDir(context.Background(), os.Args[1])
	if err != nil {
		panic(err)
	}
	for _, g := range docs {
		doc := text.New(g.Text)
		m.Annotate(doc)
		sys := r.Find(doc, g.DCT)
		name := filepath.Base(g.Path)
		dct := g.DCT.Format("2006-01-02 Mon")
		used := make([]bool, len(sys))
		for _, x := range g.Timexs {
			found := false
			for k, e := range sys {
				if used[k] || e.End <= x.Start || e.Start >= x.End {
					continue
				}
				used[k], found = true, true
				if e.Value != x.Value {
					fmt.Fprintf(out, "VAL\t%s\t%s\t%s|%s\t%s|%s\tdct=%s\t%s\n", name, g.Text[x.Start:x.End], x.Type, x.Value, e.Type, e.Value, dct, ctx(g.Text, x.Start, x.End))
				}
				break
			}
			if !found {
				fmt.Fprintf(out, "MISS\t%s\t%q\t%s\t%s\t%s\n", name, g.Text[x.Start:x.End], x.Type, x.Value, ctx(g.Text, x.Start, x.End))
			}
		}
		for k, e := range sys {
			if !used[k] {
				fmt.Fprintf(out, "SPUR\t%s\t%q\t%s\t%s\t%s\n", name, e.Text, e.Type, e.Value, ctx(g.Text, e.Start, e.End))
			}
		}
	}
}
