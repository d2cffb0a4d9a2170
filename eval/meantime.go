package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// MeantimeDoc is one NewsReader MEANTIME document: its tokens and its
// named entity mentions with the DBpedia resource each refers to.
type MeantimeDoc struct {
	Name      string
	Sentences [][]string // token forms by sentence
	Mentions  []MeantimeMention
}

// MeantimeMention is a gold mention: a token range [Start, End) counted
// over the whole document, its syntactic type (NAM for names) and the
// Wikipedia title of its DBpedia link ("" when it has none).
type MeantimeMention struct {
	Start, End int
	Syntactic  string
	Type       string // the entity's type: PER, ORG, LOC, PRO, FIN, MIX
	Title      string
}

// ReadMeantime parses one MEANTIME XML file.
func ReadMeantime(r io.Reader, name string) (MeantimeDoc, error) {
	type anchor struct {
		TID string `xml:"t_id,attr"`
	}
	type entityMention struct {
		MID       string   `xml:"m_id,attr"`
		Syntactic string   `xml:"syntactic_type,attr"`
		Anchors   []anchor `xml:"token_anchor"`
	}
	type entity struct {
		MID  string `xml:"m_id,attr"`
		Type string `xml:"ent_type,attr"`
		Ref  string `xml:"external_ref,attr"`
	}
	type ref struct {
		MID string `xml:"m_id,attr"`
	}
	type refersTo struct {
		Sources []ref `xml:"source"`
		Target  ref   `xml:"target"`
	}
	var raw struct {
		Tokens []struct {
			TID      string `xml:"t_id,attr"`
			Sentence int    `xml:"sentence,attr"`
			Text     string `xml:",chardata"`
		} `xml:"token"`
		Markables struct {
			Mentions []entityMention `xml:"ENTITY_MENTION"`
			Entities []entity        `xml:"ENTITY"`
		} `xml:"Markables"`
		Relations struct {
			RefersTo []refersTo `xml:"REFERS_TO"`
		} `xml:"Relations"`
	}
	if err := xml.NewDecoder(r).Decode(&raw); err != nil {
		return MeantimeDoc{}, fmt.Errorf("%s: %w", name, err)
	}
	doc := MeantimeDoc{Name: name}
	index := map[string]int{}
	for i, t := range raw.Tokens {
		index[t.TID] = i
		for len(doc.Sentences) <= t.Sentence {
			doc.Sentences = append(doc.Sentences, nil)
		}
		doc.Sentences[t.Sentence] = append(doc.Sentences[t.Sentence], strings.TrimSpace(t.Text))
	}
	entities := map[string]entity{}
	for _, e := range raw.Markables.Entities {
		entities[e.MID] = e
	}
	target := map[string]entity{}
	for _, r := range raw.Relations.RefersTo {
		if e, ok := entities[r.Target.MID]; ok {
			for _, s := range r.Sources {
				target[s.MID] = e
			}
		}
	}
	for _, m := range raw.Markables.Mentions {
		if len(m.Anchors) == 0 {
			continue
		}
		start, end := -1, -1
		for _, a := range m.Anchors {
			i, ok := index[a.TID]
			if !ok {
				return doc, fmt.Errorf("%s: mention %s anchors unknown token %s", name, m.MID, a.TID)
			}
			if start < 0 || i < start {
				start = i
			}
			if i+1 > end {
				end = i + 1
			}
		}
		e := target[m.MID]
		doc.Mentions = append(doc.Mentions, MeantimeMention{Start: start, End: end, Syntactic: m.Syntactic, Type: e.Type, Title: dbpediaTitle(e.Ref)})
	}
	// Tokens are not always in sentence order in the file; nothing here
	// depends on it beyond the sentence grouping above.
	return doc, nil
}

// dbpediaTitle turns http://dbpedia.org/resource/San_Jose,_California into
// "San Jose, California".
func dbpediaTitle(ref string) string {
	const prefix = "dbpedia.org/resource/"
	i := strings.Index(ref, prefix)
	if i < 0 {
		return ""
	}
	t := ref[i+len(prefix):]
	if u, err := url.PathUnescape(t); err == nil {
		t = u
	}
	return strings.ReplaceAll(t, "_", " ")
}
