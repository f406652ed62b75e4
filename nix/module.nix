# services.dockergate: SSH accounts whose only program is dockergate.
#
# What it makes, and why (see README "NixOS"):
# - /etc/dockergate/policy.yaml from `policy`, written with builtins.toJSON
#   (JSON is YAML) and checked at build time with
#   `dockergate --check --content-only`; a copied file (mode 0644), not a
#   link into the store, so the gateway's owner and mode checks see a
#   root-owned file in root-owned directories.
# - a root-owned, empty docker config directory (no plugin, context or
#   credential helper the account could plant) and the audit directory,
#   through systemd-tmpfiles.
# - per account: a locked-down user (password field "*", in the docker
#   group, a shell from the store, never in wheel), its keys in
#   /etc/ssh/authorized_keys.d (root-owned), and an sshd Match block that
#   closes every other door: ForceCommand, DisableForwarding, no TTY, no
#   user rc, keys from the root-owned file only, public keys only.
#   An account with per-key roles (keyRoles) has no ForceCommand (sshd's
#   ForceCommand would override every key's command=); every key line then
#   carries restrict,command="dockergate --role ROLE" and the Match block
#   still closes forwarding, TTYs and the account's own key files.
# - the approvals spool (approval: true rules): DIR root 0755,
#   DIR/requests root 1733, DIR/approved root 0755, through
#   systemd-tmpfiles; a policy with an approvals block gets its dir from
#   approvalsDir unless it names one.
# - assertions: every role named exists in the policy, Docker is enabled,
#   no account is in wheel or has a sudo rule.
{ config, lib, pkgs, ... }:

let
  inherit (lib) mkOption mkEnableOption mkIf types;

  cfg = config.services.dockergate;
  policyPath = "/etc/dockergate/policy.yaml";
  configDir = "/etc/dockergate/docker-config";
  auditDir = "/var/log/dockergate";
  auditGroup = "dockergate-audit";
  gateway = "${cfg.package}/bin/dockergate";

  # What the module fills in; the operator's policy wins key by key.
  defaults = {
    version = 1;
    docker = {
      binary = "${config.virtualisation.docker.package}/bin/docker";
      host = "unix:///run/docker.sock";
      config_dir = configDir;
    };
    audit = {
      syslog = true;
      file = "${auditDir}/audit.jsonl";
      required = true;
    };
  };
  # approvals.dir only where the policy has an approvals block: the block
  # is what lets a rule say approval: true.
  withApprovals = lib.recursiveUpdate defaults
    (lib.optionalAttrs (cfg.policy ? approvals) {
      approvals.dir = cfg.approvalsDir;
    });
  policy = lib.recursiveUpdate withApprovals cfg.policy;
  policyText = builtins.toJSON policy;
  roles = builtins.attrNames (policy.roles or { });

  # The file in /etc: a bad policy fails the build, as doas's module does.
  policyFile =
    if cfg.checkPolicy then
      pkgs.runCommand "dockergate-policy.yaml"
        {
          inherit policyText;
          passAsFile = [ "policyText" ];
        } ''
        ${gateway} --check --content-only --policy "$policyTextPath"
        cp "$policyTextPath" "$out"
      ''
    else pkgs.writeText "dockergate-policy.yaml" policyText;

  # A forced command for ROLE; the words contain no shell metacharacters.
  forced = role: "${gateway} --policy ${policyPath} --role ${role}";
  keyLine = role: key: ''restrict,command="${forced role}" ${key}'';

  keysOf = a:
    map (keyLine a.role) a.authorizedKeys
    ++ lib.concatLists (lib.mapAttrsToList (role: keys: map (keyLine role) keys)
      a.keyRoles);

  # Plain keys only: a certificate login (TrustedUserCAKeys) carries no
  # key-line restrict or command=, so certificate algorithms are left out.
  keyAlgorithms = lib.concatStringsSep "," [
    "ssh-ed25519"
    "sk-ssh-ed25519@openssh.com"
    "ecdsa-sha2-nistp256"
    "ecdsa-sha2-nistp384"
    "ecdsa-sha2-nistp521"
    "sk-ecdsa-sha2-nistp256@openssh.com"
    "rsa-sha2-512"
    "rsa-sha2-256"
  ];

  matchBlock = name: a:
    lib.concatMapStrings (l: l + "\n") ([ "Match User ${name}" ]
      ++ map (l: "    " + l) (lib.optional (a.keyRoles == { })
        "ForceCommand ${forced a.role}" ++ [
        "AuthorizedKeysFile /etc/ssh/authorized_keys.d/%u"
        "AuthorizedPrincipalsFile none"
        "AuthenticationMethods publickey"
        "PubkeyAcceptedAlgorithms ${keyAlgorithms}"
        "PasswordAuthentication no"
        "KbdInteractiveAuthentication no"
        "HostbasedAuthentication no"
        "GSSAPIAuthentication no"
        "DisableForwarding yes"
        "AllowTcpForwarding no"
        "AllowStreamLocalForwarding no"
        "AllowAgentForwarding no"
        "X11Forwarding no"
        "PermitTunnel no"
        "PermitTTY no"
        "PermitUserRC no"
      ]));

  accountRoles = a: [ a.role ] ++ builtins.attrNames a.keyRoles;

  sudoRuleNames = r: (r.users or [ ]);

  accountModule = { name, ... }: {
    options = {
      role = mkOption {
        type = types.str;
        default = name;
        description = "The policy role of the account's keys (authorizedKeys).";
      };
      authorizedKeys = mkOption {
        type = types.listOf types.str;
        default = [ ];
        description = "Public keys that log in with the account's role.";
      };
      keyRoles = mkOption {
        type = types.attrsOf (types.listOf types.str);
        default = { };
        example = { ci = [ "ssh-ed25519 AAAA... ci@runner" ]; };
        description = ''
          Public keys per role.  An account with per-key roles has no
          ForceCommand: each key line carries restrict,command= instead.
        '';
      };
    };
  };
in
{
  options.services.dockergate = {
    enable = mkEnableOption "dockergate, an SSH forced-command gateway for Docker";

    package = mkOption {
      type = types.package;
      default = pkgs.dockergate;
      defaultText = lib.literalExpression "pkgs.dockergate";
      description = "The dockergate package (the flake's overlay provides pkgs.dockergate).";
    };

    policy = mkOption {
      type = types.attrsOf types.anything;
      default = { };
      example = lib.literalExpression ''
        { roles.ai-worker.allow = [ "ps" { command = "run"; mounts = "named"; } ]; }
      '';
      description = ''
        The policy (dockergate.yaml(5)) as a Nix value.  version, docker.binary
        (the docker CLI of virtualisation.docker.package), docker.host,
        docker.config_dir and the audit sinks default to what this module sets
        up; any key given here wins.
      '';
    };

    checkPolicy = mkOption {
      type = types.bool;
      default = true;
      description = "Check the policy with `dockergate --check --content-only` at build time.";
    };

    policyText = mkOption {
      type = types.str;
      readOnly = true;
      internal = true;
      description = "The policy file's text, as written to /etc/dockergate/policy.yaml.";
    };

    accounts = mkOption {
      type = types.attrsOf (types.submodule accountModule);
      default = { };
      description = "SSH accounts whose only program is dockergate.";
    };

    approvalsDir = mkOption {
      type = types.str;
      default = "/var/lib/dockergate/approvals";
      description = ''
        The approvals spool (dockergate(8) APPROVALS): held requests in
        DIR/requests (root, 1733), root's decisions in DIR/approved (root,
        0755).  Made by systemd-tmpfiles; the policy's approvals.dir when
        the policy has an approvals block and names no dir.
      '';
    };

    reap = {
      enable = mkEnableOption "a timer that runs `dockergate reap` (as root): it removes the containers past their rule's lifetime";
      interval = mkOption {
        type = types.str;
        default = "5min";
        description = "How often the reap runs (a systemd time span): a container outlives its lifetime by at most this.";
      };
    };
  };

  config = mkIf cfg.enable {
    systemd.services.dockergate-reap = mkIf cfg.reap.enable {
      description = "Remove dockergate containers past their lifetime";
      after = [ "docker.service" ];
      serviceConfig = {
        Type = "oneshot";
        ExecStart = "${cfg.package}/bin/dockergate reap --policy /etc/dockergate/policy.yaml";
        PrivateTmp = true;
        NoNewPrivileges = true;
        ProtectHome = true;
      };
    };
    systemd.timers.dockergate-reap = mkIf cfg.reap.enable {
      wantedBy = [ "timers.target" ];
      timerConfig = {
        OnBootSec = cfg.reap.interval;
        OnUnitActiveSec = cfg.reap.interval;
      };
    };

    services.dockergate.policyText = policyText;

    assertions =
      [{
        assertion = config.virtualisation.docker.enable;
        message = "services.dockergate needs virtualisation.docker.enable = true.";
      }]
      ++ lib.concatLists (lib.mapAttrsToList
        (name: a:
          map
            (role: {
              assertion = lib.elem role roles;
              message = "services.dockergate.accounts.${name}: role \"${role}\" is not in the policy's roles (${lib.concatStringsSep ", " roles}).";
            })
            (accountRoles a)
          ++ [
            {
              assertion = !(lib.elem "wheel" config.users.users.${name}.extraGroups);
              message = "services.dockergate.accounts.${name}: the account must not be in wheel.";
            }
            {
              assertion = !(lib.any (r: lib.elem name (sudoRuleNames r))
                config.security.sudo.extraRules);
              message = "services.dockergate.accounts.${name}: the account must have no sudo rule (dockergate replaces the sudo whitelist).";
            }
          ])
        cfg.accounts);

    environment.etc."dockergate/policy.yaml" = {
      source = policyFile;
      mode = "0644";
    };

    systemd.tmpfiles.rules = [
      "d /etc/dockergate 0755 root root -"
      "d ${configDir} 0755 root root -"
      "f ${configDir}/config.json 0644 root root - {}"
      "d ${auditDir} 0755 root root -"
      "f ${auditDir}/audit.jsonl 0620 root ${auditGroup} -"
      # max_containers: the per-role quota locks (dockergate.yaml(5) QUOTAS)
      "d /run/dockergate 0755 root root -"
      "d /run/dockergate/locks 1733 root root -"
      # approval: true: held requests and root's decisions (APPROVALS)
      "d ${builtins.dirOf cfg.approvalsDir} 0755 root root -"
      "d ${cfg.approvalsDir} 0755 root root -"
      "d ${cfg.approvalsDir}/requests 1733 root root -"
      "d ${cfg.approvalsDir}/approved 0755 root root -"
    ];

    users.groups.${auditGroup} = { };

    users.users = lib.mapAttrs
      (name: a: {
        isNormalUser = true;
        description = "dockergate account (role ${a.role})";
        hashedPassword = "*";
        shell = pkgs.bashInteractive;
        extraGroups = [ "docker" auditGroup ];
        openssh.authorizedKeys.keys = keysOf a;
      })
      cfg.accounts;

    services.openssh.extraConfig =
      lib.concatStrings (lib.mapAttrsToList matchBlock cfg.accounts);
  };
}
