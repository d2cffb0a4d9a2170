package store

import (
	"context"
	"slices"
	"strings"

	"tidings/record"
)

// The write rules of the archive: what rows a new article adds to each
// table and to the counters. They are written once, here; SQLite and
// PostgreSQL only insert the rows in their dialect.

// articleRows are the index rows of one new article, table by table, in the
// order they are inserted, and what the article adds to the counters.
type articleRows struct {
	entities []articleEntity // article_entities
	mentions []mentionRow    // mentions
	tags     []tagRow        // tags
	dates    []record.Date   // dates
	events   []record.Event  // events: seq is the index
	counts   *counters       // entities and tag_counts
}

// articleEntity is one row of article_entities.
type articleEntity struct {
	id       string
	salience float64
	mentions int
}

// mentionRow is one row of mentions.
type mentionRow struct {
	entity     string
	start, end int
	text       string
}

// tagRow is one row of tags.
type tagRow struct {
	gold  int // 1: the source's own tag line
	rank  int
	tag   string
	key   string // lower case, trimmed
	score float64
	// entity is the id of the entity the tag names, "" for none.
	entity string
}

// rowsOf returns the rows of a new article. key cleans the strings that
// rows are merged or counted by (entity ids, tag keys) as the store will
// keep them, so that ids that the store cannot tell apart merge here too;
// every other string is the record's own.
//
// The rules: only named entities with mentions are indexed (quantities
// live in the analysis object only); an entity id listed twice (two local
// entities whose names fold alike) is one row with the mentions added and
// the larger salience, and counts one article; a tag with an empty key is
// not stored; the tag counter counts an article once per key, however often
// it lists it.
func rowsOf(rec record.Record, key func(string) string) articleRows {
	r := articleRows{dates: rec.Dates, events: rec.Events, counts: newCounters()}
	index := map[string]int{} // entity id -> its row
	for _, e := range rec.Entities {
		if !namedEntity(e.Type) || len(e.Mentions) == 0 {
			continue
		}
		e.ID = key(e.ID)
		if i, ok := index[e.ID]; ok {
			r.entities[i].salience = max(r.entities[i].salience, e.Salience)
			r.entities[i].mentions += len(e.Mentions)
		} else {
			index[e.ID] = len(r.entities)
			r.entities = append(r.entities, articleEntity{id: e.ID, salience: e.Salience, mentions: len(e.Mentions)})
		}
		r.counts.entity(e, len(e.Mentions))
		for _, m := range e.Mentions {
			r.mentions = append(r.mentions, mentionRow{entity: e.ID, start: m.Start, end: m.End, text: m.Text})
		}
	}
	addTag := func(gold, rank int, tag string, score float64, entity string) {
		k := key(strings.ToLower(strings.TrimSpace(tag)))
		if k == "" {
			return
		}
		r.tags = append(r.tags, tagRow{gold: gold, rank: rank, tag: tag, key: k, score: score, entity: entity})
		r.counts.tag(k, tag)
	}
	for i, t := range rec.Tags {
		addTag(0, i, t.Tag, t.Score, t.Entity)
	}
	for i, t := range rec.GoldTags {
		addTag(1, i, t, 1, "")
	}
	return r
}

func namedEntity(typ string) bool {
	switch typ {
	case "PER", "ORG", "LOC", "MISC":
		return true
	}
	return false
}

// counters is what stored articles add to the entity and tag counters,
// each in the order first seen.
type counters struct {
	entities    map[string]*entityCount
	entityOrder []string
	tags        map[string]*tagCount // by tag key
	tagOrder    []string
}

type entityCount struct {
	e                  record.Entity // as first seen: an existing row keeps its names
	articles, mentions int64
}

type tagCount struct {
	tag      string // as first seen
	articles int64
}

func newCounters() *counters {
	return &counters{entities: map[string]*entityCount{}, tags: map[string]*tagCount{}}
}

// entity counts n mentions of e in one article: the first of an id counts
// the article.
func (c *counters) entity(e record.Entity, n int) {
	if x, ok := c.entities[e.ID]; ok {
		x.mentions += int64(n)
		return
	}
	c.entities[e.ID] = &entityCount{e: e, articles: 1, mentions: int64(n)}
	c.entityOrder = append(c.entityOrder, e.ID)
}

// tag counts one article that carries the tag, once however often it
// lists it.
func (c *counters) tag(key, tag string) {
	if _, ok := c.tags[key]; !ok {
		c.tags[key] = &tagCount{tag: tag, articles: 1}
		c.tagOrder = append(c.tagOrder, key)
	}
}

// add adds the counts of other articles.
func (c *counters) add(d *counters) {
	if d == nil {
		return
	}
	for _, id := range d.entityOrder {
		x := d.entities[id]
		if y, ok := c.entities[id]; ok {
			y.articles += x.articles
			y.mentions += x.mentions
		} else {
			c.entities[id] = &entityCount{e: x.e, articles: x.articles, mentions: x.mentions}
			c.entityOrder = append(c.entityOrder, id)
		}
	}
	for _, key := range d.tagOrder {
		x := d.tags[key]
		if y, ok := c.tags[key]; ok {
			y.articles += x.articles
		} else {
			c.tags[key] = &tagCount{tag: x.tag, articles: x.articles}
			c.tagOrder = append(c.tagOrder, key)
		}
	}
}

// sortedKeys returns the entity ids and tag keys in byte order: stores
// that update counters of many articles at once lock their rows in this
// order, so that two transactions never wait for each other in a cycle.
func (c *counters) sortedKeys() (ids, tagKeys []string) {
	return slices.Sorted(slices.Values(c.entityOrder)), slices.Sorted(slices.Values(c.tagOrder))
}

// putOne stores one record with a store's PutBatch.
func putOne(ctx context.Context, rec record.Record, putBatch func(context.Context, []record.Record) ([]PutResult, []error, error)) (PutResult, error) {
	res, errs, err := putBatch(ctx, []record.Record{rec})
	if err != nil {
		return PutResult{}, err
	}
	return res[0], errs[0]
}
