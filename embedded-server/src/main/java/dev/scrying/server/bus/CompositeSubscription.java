package dev.scrying.server.bus;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One caller-facing subscription made of a mailbox and the raw subscriptions that feed it. */
final class CompositeSubscription implements BusSubscription {
  private final String subject;
  private final Mailbox mailbox;
  private final List<BusSubscription> feeds;
  private final AtomicBoolean closed = new AtomicBoolean();

  CompositeSubscription(String subject, Mailbox mailbox, List<BusSubscription> feeds) {
    this.subject = subject;
    this.mailbox = mailbox;
    this.feeds = List.copyOf(feeds);
  }

  @Override
  public String subject() {
    return subject;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      mailbox.close();
      feeds.forEach(BusSubscription::close);
    }
  }
}
