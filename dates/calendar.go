package dates

import (
	"fmt"
	"time"
)

// gran is the granularity of a calendar point.
type gran int

const (
	gNone gran = iota
	gDay
	gWeekend
	gWeek
	gMonth
	gSeason
	gQuarter
	gHalf
	gYear
	gDecade
	gCentury
)

// point is a calendar interval named by its first day and granularity:
// the value of a DATE. ok is false when it is not known.
type point struct {
	t    time.Time // UTC midnight of the first day (for weeks: the day itself)
	g    gran
	code string // season (SP...) for gSeason
	ok   bool
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func dayOf(t time.Time) time.Time { return day(t.Year(), int(t.Month()), t.Day()) }

// value is the TIMEX3 value of p.
func (p point) value() string {
	if !p.ok {
		return ""
	}
	y := p.t.Year()
	switch p.g {
	case gDay:
		return p.t.Format("2006-01-02")
	case gWeek, gWeekend:
		wy, w := p.t.ISOWeek()
		s := fmt.Sprintf("%04d-W%02d", wy, w)
		if p.g == gWeekend {
			s += "-WE"
		}
		return s
	case gMonth:
		return p.t.Format("2006-01")
	case gSeason:
		return fmt.Sprintf("%04d-%s", y, p.code)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(p.t.Month())-1)/3+1)
	case gHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(p.t.Month())-1)/6+1)
	case gYear:
		return fmt.Sprintf("%04d", y)
	case gDecade:
		return fmt.Sprintf("%03d", y/10)
	case gCentury:
		return fmt.Sprintf("%02d", y/100)
	}
	return ""
}

// unitGran is the granularity of a point one unit long.
func unitGran(u unit) gran {
	switch u {
	case uDay:
		return gDay
	case uWeekend:
		return gWeekend
	case uWeek, uFortnight:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uSeason:
		return gSeason
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gNone
}

// truncate returns the point of granularity g that contains t.
func truncate(t time.Time, g gran) point {
	y, m, d := t.Date()
	p := point{g: g, ok: true}
	switch g {
	case gDay, gWeek, gWeekend:
		p.t = day(y, int(m), d)
	case gMonth:
		p.t = day(y, int(m), 1)
	case gQuarter:
		p.t = day(y, (int(m)-1)/3*3+1, 1)
	case gHalf:
		p.t = day(y, (int(m)-1)/6*6+1, 1)
	case gSeason:
		p.t = day(y, 1, 1)
		p.code = seasonOf(int(m))
		if m <= 2 { // January and February belong to the winter that began the year before
			p.t = day(y-1, 1, 1)
		}
	case gYear:
		p.t = day(y, 1, 1)
	case gDecade:
		p.t = day(y/10*10, 1, 1)
	case gCentury:
		p.t = day(y/100*100, 1, 1)
	default:
		p.ok = false
	}
	return p
}

func seasonOf(m int) string {
	switch {
	case m >= 3 && m <= 5:
		return "SP"
	case m >= 6 && m <= 8:
		return "SU"
	case m >= 9 && m <= 11:
		return "FA"
	}
	return "WI"
}

// shift moves t by n units and returns the point of that unit's granularity.
func shift(t time.Time, u unit, n int) point {
	switch u {
	case uDay:
		return truncate(t.AddDate(0, 0, n), gDay)
	case uWeek:
		return truncate(t.AddDate(0, 0, 7*n), gWeek)
	case uFortnight:
		return truncate(t.AddDate(0, 0, 14*n), gWeek)
	case uWeekend:
		return truncate(t.AddDate(0, 0, 7*n), gWeekend)
	case uMonth:
		return truncate(day(t.Year(), int(t.Month()), 1).AddDate(0, n, 0), gMonth)
	case uQuarter:
		return truncate(day(t.Year(), int(t.Month()), 1).AddDate(0, 3*n, 0), gQuarter)
	case uHalf:
		return truncate(day(t.Year(), int(t.Month()), 1).AddDate(0, 6*n, 0), gHalf)
	case uYear:
		return truncate(day(t.Year()+n, 1, 1), gYear)
	case uDecade:
		return truncate(day(t.Year()+10*n, 1, 1), gDecade)
	case uCentury:
		return truncate(day(t.Year()+100*n, 1, 1), gCentury)
	}
	return point{}
}

// weekdayNear returns the day with ISO weekday wd (Monday=1) nearest to ref
// in direction dir: -1 the latest on or before ref, +1 the first on or after
// ref, 0 the nearest one.
func weekdayNear(ref time.Time, wd, dir int) time.Time {
	cur := int(ref.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - wd + 7) % 7
	fwd := (wd - cur + 7) % 7
	switch {
	case dir < 0:
		return ref.AddDate(0, 0, -back)
	case dir > 0:
		return ref.AddDate(0, 0, fwd)
	}
	if fwd < back {
		return ref.AddDate(0, 0, fwd)
	}
	return ref.AddDate(0, 0, -back)
}
