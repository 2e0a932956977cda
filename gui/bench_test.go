package gui

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"carnet/gui/uiwork"
	"carnet/internal/service"
	"carnet/internal/store"
)

// benchService opens the database CARNET_BENCH_DB names
// (make bench creates one of 1,000,000 customers).
func benchService(b *testing.B) *service.Service {
	path := os.Getenv("CARNET_BENCH_DB")
	if path == "" {
		b.Skip("CARNET_BENCH_DB is not set: run `make bench`, which creates a 1,000,000-customer database")
	}
	svc, err := service.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Close() })
	return svc
}

func benchWindow(b *testing.B, svc *service.Service) *ui {
	a := test.NewApp()
	setupLanguage("fr")
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	u := &ui{app: a, win: w, svc: svc, work: uiwork.New()}
	b.Cleanup(func() { u.work.Wait(time.Minute); w.Close() })
	return u
}

// BenchmarkFirstRows: from building the Clients tab on an open file to the
// count and the first page of rows ready to draw. Each iteration takes
// firstRowsSamples samples, each with the count cache emptied (as on a
// file just opened), and reports their median and range.
func BenchmarkFirstRows(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	var lat []time.Duration
	b.ResetTimer()
	for range b.N {
		for range firstRowsSamples {
			b.StopTimer()
			forgetCounts(b, svc)
			b.StartTimer()
			start := time.Now()
			u.act(func() {
				u.clients = newClientsTab(u)
				u.win.SetContent(u.clients.content)
				u.clients.reload()
			})
			if !u.work.Wait(time.Minute) {
				b.Fatal("first rows did not arrive")
			}
			lat = append(lat, time.Since(start))
			u.act(func() {
				if !u.clients.model.ready() || u.clients.model.row(0) == nil {
					b.Fatal("no first row")
				}
			})
		}
	}
	b.StopTimer()
	s := summarize(lat)
	b.ReportMetric(s.median, "median-ms")
	b.ReportMetric(s.min, "min-ms")
	b.ReportMetric(s.max, "max-ms")
	b.ReportMetric(float64(len(lat)), "samples")
	reportMemory(b)
}

// firstRowsSamples and scrollSamples are the samples of one iteration
// (make bench runs one: -benchtime 1x).
const (
	firstRowsSamples = 9
	scrollSamples    = 25
	keystrokeRounds  = 5
)

// keystrokeTexts are what BenchmarkSearchKeystroke types: prefixes under
// three letters (read from the name and code indexes), then texts the
// trigram index answers — a name typed letter by letter, a common trigram,
// a first name without its accent, a city with a hyphen, two words, codes,
// phone numbers in two spellings, an e-mail domain, and texts that match
// nothing.
var keystrokeTexts = []string{
	"m", "ma", "du", // prefix
	"mar", "mart", "marti", "martin", // trigram, typed letter by letter
	"dupont", "elise", "lyon", "saint-etienne", "martin nantes", "gmail",
	"C00123", "004242", // codes
	"06 12", "0612", // phone
	"zz", "zzq", // nothing (prefix, trigram)
}

// BenchmarkSearchKeystroke: from a search-text change (the debounce
// excluded) to the first page of matches, and to their count, in the
// table's model. Each iteration types every text of keystrokeTexts
// keystrokeRounds times, with the count cache emptied before each (as
// after an edit: the figure is the uncached one); the metrics are the
// median and nearest-rank p95 over all those keystrokes, and the log has
// each text's median.
func BenchmarkSearchKeystroke(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	u.act(func() {
		u.clients = newClientsTab(u)
		u.win.SetContent(u.clients.content)
		u.clients.reload()
	})
	u.work.Wait(time.Minute)
	var firstRows, counted, both []time.Duration
	perText := map[string][]time.Duration{}
	b.ResetTimer()
	for range b.N {
		for range keystrokeRounds {
			for _, text := range keystrokeTexts {
				b.StopTimer()
				forgetCounts(b, svc)
				b.StartTimer()
				start := time.Now()
				u.act(func() {
					q := u.clients.model.query
					q.Text = text
					u.clients.setQuery(q)
				})
				if !u.work.Wait(time.Minute) {
					b.Fatal("search did not finish")
				}
				u.act(func() {
					m := u.clients.model
					if !m.counted || m.firstRowsAt.Before(start) || m.countedAt.Before(start) {
						b.Fatalf("%q: rows or count missing", text)
					}
					f, c := m.firstRowsAt.Sub(start), m.countedAt.Sub(start)
					firstRows = append(firstRows, f)
					counted = append(counted, c)
					both = append(both, max(f, c))
					perText[text] = append(perText[text], max(f, c))
				})
			}
		}
	}
	b.StopTimer()
	// ns/op is the whole iteration; the metrics are per keystroke. The
	// rows are drawn as soon as they come, before the count.
	f, c, d := summarize(firstRows), summarize(counted), summarize(both)
	b.ReportMetric(f.median, "first-rows-median-ms")
	b.ReportMetric(f.p95, "first-rows-p95-ms")
	b.ReportMetric(c.median, "count-median-ms")
	b.ReportMetric(c.p95, "count-p95-ms")
	b.ReportMetric(d.median, "both-median-ms")
	b.ReportMetric(d.p95, "both-p95-ms")
	b.ReportMetric(float64(len(both)), "keystrokes")
	var line strings.Builder
	for _, text := range keystrokeTexts {
		fmt.Fprintf(&line, " %q %.1f", text, summarize(perText[text]).median)
	}
	b.Logf("median ms per text (rows and count):%s", line.String())
	reportMemory(b)
}

// BenchmarkScrollWindow: a page far down the list (what a scroll-bar drag
// asks for), from request to rows in the cache. Each iteration asks for
// scrollSamples pages not yet cached, and reports their median and range.
func BenchmarkScrollWindow(b *testing.B) {
	svc := benchService(b)
	u := benchWindow(b, svc)
	u.act(func() {
		u.clients = newClientsTab(u)
		u.clients.setQuery(store.Query{Archived: store.FilterNo})
	})
	u.work.Wait(time.Minute)
	var total int
	u.act(func() { total = u.clients.model.total })
	if total < 2*pageSize {
		b.Skipf("%d customers: too few to scroll", total)
	}
	var lat []time.Duration
	pages := (total + pageSize - 1) / pageSize
	asked := map[int]bool{0: true}
	k := 0
	b.ResetTimer()
	for range b.N {
		for range scrollSamples {
			// Pages spread over the list, never one the model has cached
			// (a cached page costs nothing): once every page was asked
			// for, the model forgets them all.
			if len(asked) >= pages {
				asked = map[int]bool{}
				u.act(func() {
					u.clients.model.pages = map[int][]store.ListRow{}
					u.clients.model.lru = u.clients.model.lru[:0]
				})
			}
			row := -1
			for range pages {
				k++
				if r := (k*7919*pageSize + 500_000) % total; !asked[r/pageSize] {
					row = r
					break
				}
			}
			for p := 0; row < 0; p++ { // the stride cycled: the first page left
				if !asked[p] {
					row = p * pageSize
				}
			}
			asked[row/pageSize] = true
			start := time.Now()
			u.act(func() { u.clients.model.row(row) })
			if !u.work.Wait(time.Minute) {
				b.Fatal("page did not arrive")
			}
			lat = append(lat, time.Since(start))
			u.act(func() {
				if u.clients.model.row(row) == nil {
					b.Fatalf("row %d not loaded", row)
				}
			})
		}
	}
	b.StopTimer()
	s := summarize(lat)
	b.ReportMetric(s.median, "median-ms")
	b.ReportMetric(s.min, "min-ms")
	b.ReportMetric(s.max, "max-ms")
	b.ReportMetric(float64(len(lat)), "samples")
	reportMemory(b)
}

// forgetCounts empties the store's count cache: an empty write transaction
// moves its generation on, as any edit does.
func forgetCounts(b *testing.B, svc *service.Service) {
	if err := svc.Store.Update(context.Background(), func(*store.Tx) error { return nil }); err != nil {
		b.Fatal(err)
	}
}

// latencies are a sample's figures in milliseconds, not rounded.
type latencies struct{ median, p95, min, max float64 }

// summarize sorts d and returns its median, nearest-rank 95th percentile
// and range.
func summarize(d []time.Duration) latencies {
	if len(d) == 0 {
		return latencies{}
	}
	s := slices.Clone(d)
	slices.Sort(s)
	ms := func(x time.Duration) float64 { return float64(x) / float64(time.Millisecond) }
	med := ms(s[len(s)/2])
	if len(s)%2 == 0 {
		med = (ms(s[len(s)/2-1]) + ms(s[len(s)/2])) / 2
	}
	rank := (95*len(s) + 99) / 100 // ceil(0.95 n), 1-based
	return latencies{median: med, p95: ms(s[rank-1]), min: ms(s[0]), max: ms(s[len(s)-1])}
}

// reportMemory adds the Go heap in use and the process's resident memory.
func reportMemory(b *testing.B) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MB")
	if rss := residentMB(); rss > 0 {
		b.ReportMetric(rss, "rss-MB")
	}
}

func residentMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
