package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"lede/alert"
	"lede/store"
)

// alertsCommand is "lede alerts": the recent alerts and where each one
// stands at every sink.
func (l *lede) alertsCommand() *cli.Command {
	var asJSON, retry, full bool
	limit := 20
	return &cli.Command{
		Name:  "alerts",
		Usage: "list recent alerts and their delivery state per sink",
		Description: `List the latest alerts lede watch raised, newest first: when, the story
and the version's ref (lede show REF), the marker and headline, and for
every sink (terminal, jsonl, exec, webhook, notify) whether it was
delivered, is waiting for a retry (attempts, last error, next try), or
failed for good.

--retry puts every failed alert back in its sink's queue and makes every
waiting retry due now; the running lede watch (or the next one) sends
them, in order.

Examples:
   lede alerts
   lede alerts --limit 100 --json | jq '.[] | select(.deliveries[].state != "delivered")'
   lede alerts --retry`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "limit", Aliases: []string{"n"}, Usage: "show the latest `N` alerts (0: all)", Value: limit, Destination: &limit},
			&cli.BoolFlag{Name: "json", Usage: "print a JSON array, each alert with its full content", Destination: &asJSON},
			&cli.BoolFlag{Name: "full", Usage: "show each alert as the terminal sink shows it", Destination: &full},
			&cli.BoolFlag{Name: "retry", Usage: "resend the failed alerts and retry the waiting ones now", Destination: &retry},
		},
		OnUsageError: onUsageError("alerts"),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("alerts", "lede alerts takes no arguments")
			}
			if limit < 0 {
				return usagef("alerts", "--limit must not be negative")
			}
			if retry {
				return l.retryAlerts(c.Context)
			}
			return l.listAlerts(c.Context, limit, asJSON, full)
		},
	}
}

func (l *lede) retryAlerts(ctx context.Context) error {
	return l.withWrite(ctx, "alerts --retry", func(db *store.DB) error {
		n, err := db.Retry()
		if err != nil {
			return err
		}
		if n == 0 {
			fmt.Fprintln(l.stdout, "no failed or waiting deliveries")
			return nil
		}
		fmt.Fprintf(l.stdout, "%d deliveries queued to be sent now; the running lede watch sends them\n", n)
		fmt.Fprintln(l.stderr, "hint: with no lede watch running, 'lede watch --once' with the same sink flags sends them")
		return nil
	})
}

func (l *lede) listAlerts(ctx context.Context, limit int, asJSON, full bool) error {
	var list []store.AlertInfo
	err := l.withRead(ctx, func(db *store.DB) error {
		var err error
		list, err = db.Alerts(limit)
		return err
	})
	if err != nil {
		return err
	}
	if asJSON {
		if list == nil {
			list = []store.AlertInfo{}
		}
		return l.writeJSON(list)
	}
	scr := l.openScreen()
	out := bufio.NewWriter(scr)
	st := l.style()
	if len(list) == 0 {
		fmt.Fprintln(out, "no alerts yet (lede watch raises them)")
	}
	for i, a := range list {
		if full {
			if i > 0 {
				fmt.Fprintln(out)
			}
			var m alert.Alert
			if err := json.Unmarshal(a.Body, &m); err == nil {
				fmt.Fprintln(out, strings.Join(alertLines(&m, st, 20, st.width), "\n"))
			}
		} else {
			marker := a.Marker
			if marker == "" {
				marker = "first"
			}
			headline := a.Headline
			if headline == "" {
				headline = "(no headline)"
			}
			fmt.Fprintf(out, "%s  %-8s %-7s %s %s  %s\n", a.Created.Local().Format("2006-01-02 15:04:05"),
				strings.Join(a.Kinds, ","), marker, a.Story, a.Ref, st.bold(headline))
		}
		for _, d := range a.Deliveries {
			fmt.Fprintf(out, "    %-8s %-28s %s\n", d.Kind, cut(d.Sink, 28), deliveryText(d.Delivery, st))
		}
	}
	return closeScreen(out, scr)
}

// deliveryText says where a delivery stands: "delivered 12:01:02",
// "retrying (3 attempts; HTTP 500; next 12:03:00)", "failed (...)".
func deliveryText(d store.Delivery, st style) string {
	switch d.State {
	case store.StateDelivered:
		s := "delivered " + time.UnixMilli(d.Delivered).Local().Format(time.TimeOnly)
		if d.Attempts > 0 {
			s += " after " + plural(d.Attempts, "failed attempt", "failed attempts")
		}
		return s
	case store.StatePending:
		return "pending"
	}
	s := fmt.Sprintf("%s (%s; %s", d.State, plural(d.Attempts, "attempt", "attempts"), cut(d.LastError, 60))
	if d.State == store.StateRetrying && d.NextRetry > 0 {
		s += "; next " + time.UnixMilli(d.NextRetry).Local().Format(time.TimeOnly)
	}
	if d.State == store.StateFailed {
		return st.alarm(s + ")")
	}
	return st.warn(s + ")")
}
