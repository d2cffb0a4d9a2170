package server

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"time"

	"tidings/store"
)

// Time units of a chart's bars, chosen so that a chart has at most a few
// hundred bars however long the span.
const (
	unitDay   = "day"
	unitWeek  = "week"
	unitMonth = "month"
	unitYear  = "year"
)

// chartBin is one bar: a day, week, month or year (or a run of them, on
// very long spans) and its count.
type chartBin struct {
	start time.Time // the first day of the bar's first unit
	last  time.Time // the first day of its last unit
	value int
}

// maxBars caps the bars of a chart: beyond it, runs of units share a bar.
const maxBars = 240

// label names the time a bar covers.
func (b chartBin) label(unit string) string {
	if b.last.Equal(b.start) {
		return unitLabel(b.start, unit)
	}
	return unitLabel(b.start, unit) + " – " + unitLabel(b.last, unit)
}

// binTimeline sums per-day buckets into bars of one unit, with empty bars
// for the units in between so that the time axis is linear. Buckets with
// a malformed date are skipped.
func binTimeline(buckets []store.Bucket, value func(store.Bucket) int) (bins []chartBin, unit string) {
	type day struct {
		t time.Time
		n int
	}
	days := make([]day, 0, len(buckets))
	for _, b := range buckets {
		t, err := time.Parse(dayLayout, b.Date)
		if err != nil {
			continue
		}
		days = append(days, day{t, value(b)})
	}
	if len(days) == 0 {
		return nil, unitDay
	}
	slices.SortFunc(days, func(a, b day) int { return a.t.Compare(b.t) })
	first, last := days[0].t, days[len(days)-1].t
	span := int(last.Sub(first).Hours()/24) + 1
	switch {
	case span <= 92:
		unit = unitDay
	case span <= 2*366:
		unit = unitWeek
	case span <= 20*366:
		unit = unitMonth
	default:
		unit = unitYear
	}
	end := unitStart(last, unit)
	for t := unitStart(first, unit); !t.After(end); t = nextUnit(t, unit) {
		bins = append(bins, chartBin{start: t, last: t})
	}
	i := 0
	for _, d := range days {
		start := unitStart(d.t, unit)
		for !bins[i].start.Equal(start) {
			i++
		}
		bins[i].value += d.n
	}
	if len(bins) > maxBars {
		k := (len(bins) + maxBars - 1) / maxBars
		merged := make([]chartBin, 0, maxBars)
		for i := 0; i < len(bins); i += k {
			run := bins[i:min(i+k, len(bins))]
			bin := chartBin{start: run[0].start, last: run[len(run)-1].start}
			for _, b := range run {
				bin.value += b.value
			}
			merged = append(merged, bin)
		}
		bins = merged
	}
	return bins, unit
}

// unitStart returns the first day of the unit that holds t (weeks start
// on Monday).
func unitStart(t time.Time, unit string) time.Time {
	y, m, d := t.Date()
	switch unit {
	case unitWeek:
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	case unitMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case unitYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func nextUnit(t time.Time, unit string) time.Time {
	switch unit {
	case unitWeek:
		return t.AddDate(0, 0, 7)
	case unitMonth:
		return t.AddDate(0, 1, 0)
	case unitYear:
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

// unitLabel names the unit that starts at t.
func unitLabel(t time.Time, unit string) string {
	switch unit {
	case unitWeek:
		return "week of " + t.Format(dayLayout)
	case unitMonth:
		return t.Format("Jan 2006")
	case unitYear:
		return t.Format("2006")
	}
	return t.Format(dayLayout)
}

// Geometry of a chart, in SVG user units; the CSS scales it to its box.
const (
	chartWidth  = 720
	chartHeight = 150
	chartLeft   = 40 // room for the y-axis label
	chartBottom = 20 // room for the x-axis labels
	chartTop    = 8
	maxBarWidth = 48
)

// timelineChart renders counts per day as an SVG bar chart, one bar per
// day, week, month or year depending on the span. what names the counted
// thing ("articles", "mentions"). It returns "" when there is nothing to
// draw.
func timelineChart(buckets []store.Bucket, what string, value func(store.Bucket) int) template.HTML {
	bins, unit := binTimeline(buckets, value)
	if len(bins) == 0 {
		return ""
	}
	top := 0
	for _, b := range bins {
		top = max(top, b.value)
	}
	plotW, plotH := float64(chartWidth-chartLeft), float64(chartHeight-chartBottom-chartTop)
	slot := plotW / float64(len(bins))
	bar := min(slot, maxBarWidth)
	if slot > 3 {
		bar = min(slot*0.8, maxBarWidth)
	}
	firstLabel, lastLabel := unitLabel(bins[0].start, unit), unitLabel(bins[len(bins)-1].last, unit)
	label := fmt.Sprintf("%s per %s, %s to %s", capitalize(what), unit, firstLabel, lastLabel)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s" data-unit="%s" data-bars="%d" xmlns="http://www.w3.org/2000/svg">`,
		chartWidth, chartHeight, html.EscapeString(label), unit, len(bins))
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(label))
	baseY := float64(chartTop) + plotH
	fmt.Fprintf(&b, `<line class="axis" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, chartLeft, baseY, chartWidth, baseY)
	fmt.Fprintf(&b, `<line class="grid" x1="%d" y1="%d" x2="%d" y2="%d"/>`, chartLeft, chartTop, chartWidth, chartTop)
	fmt.Fprintf(&b, `<text class="ylabel" x="%d" y="%d" text-anchor="end" dominant-baseline="middle">%d</text>`, chartLeft-6, chartTop, top)
	fmt.Fprintf(&b, `<text class="ylabel" x="%d" y="%.1f" text-anchor="end" dominant-baseline="middle">0</text>`, chartLeft-6, baseY)
	for i, bin := range bins {
		if bin.value <= 0 || top == 0 {
			continue
		}
		h := max(plotH*float64(bin.value)/float64(top), 1)
		x := float64(chartLeft) + float64(i)*slot + (slot-bar)/2
		fmt.Fprintf(&b, `<rect class="bar" x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%s: %d %s</title></rect>`,
			x, baseY-h, bar, h, html.EscapeString(bin.label(unit)), bin.value, html.EscapeString(what))
	}
	labelY := chartHeight - 4
	if len(bins) == 1 {
		// One bar, in the middle: its label under it.
		fmt.Fprintf(&b, `<text class="xlabel" x="%.1f" y="%d" text-anchor="middle">%s</text>`, float64(chartLeft)+plotW/2, labelY, html.EscapeString(firstLabel))
	} else {
		fmt.Fprintf(&b, `<text class="xlabel" x="%d" y="%d" text-anchor="start">%s</text>`, chartLeft, labelY, html.EscapeString(firstLabel))
		fmt.Fprintf(&b, `<text class="xlabel" x="%d" y="%d" text-anchor="end">%s</text>`, chartWidth, labelY, html.EscapeString(lastLabel))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func articleCount(b store.Bucket) int { return b.Articles }

// mentionCount counts mentions, or articles where the store gives no
// mention counts.
func mentionCount(b store.Bucket) int {
	if b.Mentions > 0 {
		return b.Mentions
	}
	return b.Articles
}
