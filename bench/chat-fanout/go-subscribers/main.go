// bench:chat's headless subscribers on LiveKit's Go SDK (server-sdk-go, on pion): the same job as
// subscriber-process.ts, in one process for all of them. The Node SDK runs every room's events
// through one JavaScript thread per process, with a lock per event for every room of the
// process; at 100 subscribers and 100 msg/s that harness used more than a core and its own
// delay showed up as latency in both paths. Here each room's packets are handled on their own
// goroutines, so what the bench reads is LiveKit's and the app's delay, not the harness's.
//
// Spoken to over stdin/stdout, one JSON message per line, with the messages of protocol.ts
// (the parent parses what this prints with the same zod schema).
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
)

// The topics of protocol.ts (RAW_TOPIC) and lib/events/schema.ts (ROOM_TOPIC).
const (
	rawTopic  = "bench.raw"
	roomTopic = "suixin.show"
)

const (
	joinBatch    = 4 // joins at once
	joinAttempts = 3
	tick         = 10 * time.Millisecond // the scheduling-delay probe's interval
)

type toSubscribers struct {
	Type        string `json:"type"`
	WsURL       string `json:"wsUrl"`
	Subscribers []struct {
		Index int    `json:"index"`
		Token string `json:"token"`
	} `json:"subscribers"`
}

type receiptsOut struct {
	Index       int          `json:"index"`
	Raw         [][2]float64 `json:"raw"`
	App         [][2]float64 `json:"app"`
	Disconnects int          `json:"disconnects"`
}

type subscriber struct {
	index int
	room  *lksdk.Room

	mu          sync.Mutex
	raw, app    [][2]float64
	disconnects int
}

// Epoch milliseconds, as protocol.ts `now` (both read the system clock).
func now() float64 { return float64(time.Now().UnixNano()) / 1e6 }

var (
	outMu sync.Mutex
	out   = bufio.NewWriterSize(os.Stdout, 1<<16)
)

func send(message map[string]any) {
	line, err := json.Marshal(message)
	if err != nil {
		panic(err)
	}
	outMu.Lock()
	defer outMu.Unlock()
	out.Write(line)
	out.WriteByte('\n')
	out.Flush()
}

func fail(err error) {
	send(map[string]any{"type": "failed", "error": err.Error()})
	os.Exit(1)
}

// The sequence number of a bench chat message ("bench <seq> …"), if the item is one.
func appSeq(item json.RawMessage) (float64, bool) {
	var event struct {
		Type    string `json:"type"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
	}
	if json.Unmarshal(item, &event) != nil || event.Type != "chat" || !strings.HasPrefix(event.Message.Text, "bench ") {
		return 0, false
	}
	seq, err := strconv.Atoi(strings.SplitN(event.Message.Text[len("bench "):], " ", 2)[0])
	return float64(seq), err == nil
}

func (s *subscriber) onData(data lksdk.DataPacket, _ lksdk.DataReceiveParams) {
	at := now()
	packet, ok := data.(*lksdk.UserDataPacket)
	if !ok {
		return
	}
	switch packet.Topic {
	case rawTopic:
		head, _, _ := strings.Cut(string(packet.Payload), ":")
		if seq, err := strconv.Atoi(head); err == nil {
			s.mu.Lock()
			s.raw = append(s.raw, [2]float64{float64(seq), at})
			s.mu.Unlock()
		}
	case roomTopic:
		// One event or a batch of them (the server batches a busy room's events).
		items := []json.RawMessage{packet.Payload}
		if len(packet.Payload) > 0 && packet.Payload[0] == '[' {
			if json.Unmarshal(packet.Payload, &items) != nil {
				return
			}
		}
		for _, item := range items {
			if seq, ok := appSeq(item); ok {
				s.mu.Lock()
				s.app = append(s.app, [2]float64{seq, at})
				s.mu.Unlock()
			}
		}
	}
}

func connect(wsURL string, index int, token string) (*subscriber, error) {
	s := &subscriber{index: index}
	callback := lksdk.NewRoomCallback()
	callback.OnDataPacket = s.onData
	callback.OnDisconnected = func() {
		s.mu.Lock()
		s.disconnects++
		s.mu.Unlock()
	}
	room, err := lksdk.ConnectToRoomWithToken(wsURL, token, callback, lksdk.WithAutoSubscribe(false))
	if err != nil {
		return nil, err
	}
	s.room = room
	return s, nil
}

// Tried up to three times: on a loaded machine a connect can time out, which says nothing about the app.
func join(wsURL string, index int, token string) (*subscriber, error) {
	for attempt := 1; ; attempt++ {
		s, err := connect(wsURL, index, token)
		if err == nil || attempt >= joinAttempts {
			return s, err
		}
		send(map[string]any{"type": "retry", "index": index, "reason": err.Error()})
		time.Sleep(time.Second)
	}
}

// How late a 10 ms ticker fires: this process's own scheduling delay, the Go counterpart of the
// Node processes' event-loop delay.
type delayProbe struct {
	mu     sync.Mutex
	delays []float64
	stop   chan struct{}
}

func startDelayProbe() *delayProbe {
	p := &delayProbe{stop: make(chan struct{})}
	go func() {
		next := time.Now().Add(tick)
		for {
			select {
			case <-p.stop:
				return
			case <-time.After(time.Until(next)):
			}
			late := time.Since(next)
			p.mu.Lock()
			p.delays = append(p.delays, float64(late)/1e6)
			p.mu.Unlock()
			next = next.Add(tick)
			if time.Until(next) < 0 {
				next = time.Now().Add(tick)
			}
		}
	}()
	return p
}

func (p *delayProbe) finish() (p99, worst float64) {
	close(p.stop)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.delays) == 0 {
		return 0, 0
	}
	sort.Float64s(p.delays)
	return p.delays[(len(p.delays)-1)*99/100], p.delays[len(p.delays)-1]
}

func main() {
	var (
		subscribers []*subscriber
		probe       *delayProbe
	)
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	for in.Scan() {
		var message toSubscribers
		if err := json.Unmarshal(in.Bytes(), &message); err != nil {
			fail(fmt.Errorf("unreadable message from the parent: %w", err))
		}
		switch message.Type {
		case "join":
			todo := message.Subscribers
			for len(todo) > 0 {
				batch := todo[:min(joinBatch, len(todo))]
				todo = todo[len(batch):]
				joined := make([]*subscriber, len(batch))
				errs := make([]error, len(batch))
				var wg sync.WaitGroup
				for k, sub := range batch {
					wg.Add(1)
					go func() {
						defer wg.Done()
						joined[k], errs[k] = join(message.WsURL, sub.Index, sub.Token)
					}()
				}
				wg.Wait()
				if err := errors.Join(errs...); err != nil {
					fail(err)
				}
				for _, s := range joined {
					subscribers = append(subscribers, s)
					send(map[string]any{"type": "joined", "index": s.index})
				}
			}
			probe = startDelayProbe()
			send(map[string]any{"type": "ready", "at": now()})
		case "collect":
			p99, worst := 0.0, 0.0
			if probe != nil {
				p99, worst = probe.finish()
				probe = nil
			}
			all := make([]receiptsOut, 0, len(subscribers))
			for _, s := range subscribers {
				s.mu.Lock()
				// append to an empty slice: JSON's [] rather than null for a subscriber that got nothing
				all = append(all, receiptsOut{Index: s.index, Raw: append([][2]float64{}, s.raw...), App: append([][2]float64{}, s.app...), Disconnects: s.disconnects})
				s.mu.Unlock()
			}
			send(map[string]any{"type": "receipts", "subscribers": all, "loopDelayP99Ms": p99, "loopDelayMaxMs": worst})
		case "leave":
			var wg sync.WaitGroup
			for _, s := range subscribers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s.room.Disconnect()
				}()
			}
			wg.Wait()
			os.Exit(0)
		default:
			fail(fmt.Errorf("unknown message type %q", message.Type))
		}
	}
	// stdin closed: the parent is gone, nothing to report to.
}
