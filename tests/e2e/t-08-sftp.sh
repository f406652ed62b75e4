#!/bin/bash
# An sftp subsystem request arrives at the forced command as
# SSH_ORIGINAL_COMMAND=/usr/lib/openssh/sftp-server: it must be refused,
# under ForceCommand ($U_AI) and under restrict,command= ($U_CI).
. "$(dirname "$0")/lib.sh"
t_begin "sftp refused by the gateway"
sftp_denials() { grep -F '"event":"decision"' "$AUDIT" | grep -F '"decision":"deny"' |
    grep -F "\"user\":\"$1\"" | grep -cF '"command":"/usr/lib/openssh/sftp-server"'; }
for ku in "$KEY_AI:$U_AI" "$KEY_OBS:$U_CI"; do
	key=${ku%%:*} user=${ku#*:}
	n0=$(sftp_denials "$user")
	echo ls >"$T/batch"
	LAST="sftp -b $T/batch $user@127.0.0.1 (key ${key##*/})"
	timeout 30 sftp -F /dev/null -i "$key" -o IdentitiesOnly=yes \
	    -o IdentityAgent=none -o UserKnownHostsFile="$W/ssh/known_hosts" \
	    -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes \
	    -o BatchMode=yes -o LogLevel=ERROR -P "$PORT" -b "$T/batch" \
	    "$user@127.0.0.1" >"$OUT" 2>"$ERR"
	RC=$?
	[ "$RC" != 0 ] || fail "sftp succeeded"
	# sftp does not relay the remote stderr: the audit record is the proof
	grep -q '^dockergate: ' "$ERR" || note "sftp client stderr: $(head -c 200 "$ERR")"
	n1=$(sftp_denials "$user")
	[ "$n1" = $((n0 + 1)) ] ||
	    fail "audit: expected one new deny record for sftp-server by $user, got $((n1 - n0))"
done
t_end
