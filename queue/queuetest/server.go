// Package queuetest runs an embedded NATS server with JetStream for tests of
// code that uses package queue: no external server, a random loopback port,
// a temporary store directory, and a restart that keeps both, so that tests
// can check what survives a server restart.
package queuetest

import (
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// readyTimeout bounds how long a starting server may take to accept
// clients; JetStream recovers its store before that.
const readyTimeout = 10 * time.Second

// Server is an embedded NATS server with JetStream on 127.0.0.1. Its port
// and store directory stay the same across Restart.
type Server struct {
	tb       testing.TB
	port     int
	storeDir string
	srv      *server.Server // nil while shut down
}

// StartServer starts an embedded server for the test and returns its
// client URL and a function that shuts it down. The server is also shut
// down when the test ends.
func StartServer(tb testing.TB) (url string, shutdown func()) {
	tb.Helper()
	s := Start(tb)
	return s.URL(), s.Shutdown
}

// Start starts an embedded server on a random loopback port with its store
// in a temporary directory of the test. It is shut down when the test ends.
func Start(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{tb: tb, port: server.RANDOM_PORT, storeDir: tb.TempDir()}
	if err := s.start(); err != nil {
		tb.Fatalf("queuetest: %v", err)
	}
	// The first start chose the port; restarts reuse it.
	s.port = s.srv.Addr().(*net.TCPAddr).Port
	tb.Cleanup(s.Shutdown)
	return s
}

func (s *Server) start() error {
	opts := &server.Options{
		ServerName: "queuetest",
		Host:       "127.0.0.1",
		Port:       s.port,
		JetStream:  true,
		StoreDir:   s.storeDir,
		// Explicit limits, so that a nearly full disk or a small machine
		// does not make the server refuse the stream's reservation. They
		// bound, and do not allocate.
		JetStreamMaxStore:  8 << 30,
		JetStreamMaxMemory: 256 << 20,
		NoLog:              true,
		NoSigs:             true,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return fmt.Errorf("creating the NATS server (port %d, store %s): %w", s.port, s.storeDir, err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(readyTimeout) {
		srv.Shutdown()
		return fmt.Errorf("NATS server (port %d, store %s) not ready after %v", s.port, s.storeDir, readyTimeout)
	}
	if !srv.JetStreamEnabled() {
		srv.Shutdown()
		return fmt.Errorf("NATS server (port %d, store %s) started without JetStream", s.port, s.storeDir)
	}
	s.srv = srv
	return nil
}

// URL is the server's client URL, nats://127.0.0.1:PORT.
func (s *Server) URL() string { return fmt.Sprintf("nats://127.0.0.1:%d", s.port) }

// Port is the server's TCP port.
func (s *Server) Port() int { return s.port }

// StoreDir is the directory where JetStream keeps its streams.
func (s *Server) StoreDir() string { return s.storeDir }

// Shutdown stops the server; clients see their connection drop. It does
// nothing when the server is already down.
func (s *Server) Shutdown() {
	if s.srv == nil {
		return
	}
	s.srv.Shutdown()
	s.srv.WaitForShutdown()
	s.srv = nil
}

// Restart shuts the server down, if it is running, and starts it again on
// the same port with the same store directory, so that streams, consumers
// and their state survive, as they do when a real server restarts.
func (s *Server) Restart() {
	s.tb.Helper()
	s.Shutdown()
	// The port was just released; another process may briefly hold it.
	var err error
	for range 50 {
		if err = s.start(); err == nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.tb.Fatalf("queuetest: restarting: %v", err)
}
