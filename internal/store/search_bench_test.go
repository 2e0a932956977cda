package store

import (
	"context"

	"carnet/internal/domain"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"
)

// BenchmarkSearch1M measures search latency over the database named by
// CARNET_BENCH_DB (make bench creates one of 1,000,000 demo customers):
// median, nearest-rank p95 and maximum per query over searchSamples
// queries, for a count plus the first window, as the Clients tab does on
// each keystroke, with the count cache emptied before each.
func BenchmarkSearch1M(b *testing.B) {
	path := os.Getenv("CARNET_BENCH_DB")
	if path == "" {
		b.Skip("CARNET_BENCH_DB is not set: make bench creates a 1,000,000-customer database")
	}
	st, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	total, _ := st.Count(ctx, Query{})
	b.Logf("database %s: %d customers", path, total)

	queries := []Query{
		{Archived: FilterNo},                        // opening the tab
		{Text: "dupont", Archived: FilterNo},        // a surname
		{Text: "elise", Archived: FilterNo},         // a first name, typed without accent
		{Text: "0612", Archived: FilterNo},          // a phone fragment
		{Text: "saint-etienne", Archived: FilterNo}, // a city
		{Text: "004242", Archived: FilterNo},        // part of a code
		{Text: "martin nantes", Archived: FilterNo}, // two words
		{Text: "du", Archived: FilterNo},            // two letters: prefix
		{Text: "mar", Archived: FilterNo},           // three letters: very common trigram
		{Archived: FilterNo, Sort: SortBalance, Desc: true},
		{Archived: FilterNo, Offset: 900000}, // scrolled far down
	}
	// The same with the current-site filter on a site holding a third of
	// the customers (make bench's file has 3 sites: carnet demo --sites 3).
	var site domain.Site
	_ = st.View(ctx, func(tx *Tx) (err error) { site, err = tx.SiteByCode(ctx, "LYON"); return err })
	if site.ID == 0 {
		b.Log("no site LYON in the file (made before sites?): the current-site cases are skipped")
	} else {
		for _, q := range queries[:9] {
			q.SiteID = site.ID
			queries = append(queries, q)
		}
	}
	for _, q := range queries {
		name := fmt.Sprintf("q=%q/sort=%s/offset=%d/site=%d", q.Text, q.Sort, q.Offset, q.SiteID)
		b.Run(name, func(b *testing.B) {
			var lat []time.Duration
			var n int
			// Each iteration times searchSamples queries: enough for a
			// nearest-rank p95 that is not the maximum. ns/op is for all
			// of them; the metrics are per query.
			for range b.N {
				for range searchSamples {
					st.generation.Add(2) // measure uncached counts, as after an edit
					start := time.Now()
					if n, err = st.Count(ctx, q); err != nil {
						b.Fatal(err)
					}
					w := q
					w.Limit = 60
					if _, err := st.Search(ctx, w); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(start))
				}
			}
			b.StopTimer()
			slices.Sort(lat)
			ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
			rank := (95*len(lat) + 99) / 100 // ceil(0.95 n), 1-based
			b.ReportMetric(ms(lat[len(lat)/2]), "median-ms")
			b.ReportMetric(ms(lat[rank-1]), "p95-ms")
			b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
			b.ReportMetric(float64(len(lat)), "samples")
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// searchSamples is how many queries one iteration of a BenchmarkSearch1M
// case times (make bench runs one: -benchtime 1x).
const searchSamples = 100
