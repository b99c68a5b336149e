#!/usr/bin/perl
# Reads each message file given with two bounce readers written by others, Sisimai and
# Mail::DeliveryStatus::BounceParser (Debian: libsisimai-perl, libmail-deliverystatus-bounceparser-perl),
# and prints one JSON line per recipient each of them finds. The lines of the message are given
# ended by LF, as a Unix mail store keeps them (BounceParser splits the delivery-status fields on
# "\n\n" and, given CRLF, sees only the first recipient); Sisimai reads a mailbox, so the message
# gets a "From " line first, and is asked for deliveries too (accusés de remise). Used by
# independent-bounce-parsers.test.ts.
use strict;
use warnings;
use JSON::PP;
use Sisimai;
use Mail::DeliveryStatus::BounceParser;

my $json = JSON::PP->new->canonical;
for my $file (@ARGV) {
  open my $fh, '<:raw', $file or die "cannot read $file: $!";
  my $raw = do { local $/; <$fh> };
  close $fh;
  $raw =~ s/\r\n/\n/g;

  my $mbox = "From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n" . $raw;
  my $found = Sisimai->make(\$mbox, delivered => 1) // [];
  print $json->encode({ file => $file, parser => 'sisimai', count => scalar @$found }), "\n" unless @$found;
  for my $e (@$found) {
    print $json->encode({ file => $file, parser => 'sisimai', recipient => $e->recipient->address, reason => $e->reason, status => $e->deliverystatus, action => $e->action, replycode => '' . $e->replycode, messageid => $e->messageid }), "\n";
  }

  my $bounce = Mail::DeliveryStatus::BounceParser->new($raw);
  my @reports = $bounce->reports;
  print $json->encode({ file => $file, parser => 'bounceparser', isBounce => $bounce->is_bounce ? JSON::PP::true : JSON::PP::false, count => scalar @reports }), "\n" unless @reports;
  for my $r (@reports) {
    print $json->encode({ file => $file, parser => 'bounceparser', isBounce => $bounce->is_bounce ? JSON::PP::true : JSON::PP::false, recipient => $r->get('email'), reason => $r->get('std_reason'), status => $r->get('status') // '', action => $r->get('action') // '', messageid => $bounce->orig_message_id // '' }), "\n";
  }
}
