# Evaluates nix/module.nix with the real module system (nixpkgs' lib,
# given as libPath) and stand-ins for the NixOS options it sets, and
# returns what it generates as JSON-able values for tests/check-nix.sh.
#   nix-instantiate --eval --strict --json tests/nix/eval.nix \
#     --arg libPath ../shared/vendor/nixpkgs-lib/lib --arg case ./cases/good.nix
{ libPath, case }:
let
  lib = import libPath;
  inherit (lib) mkOption types;

  drv = name: {
    type = "derivation";
    inherit name;
    outPath = "/nix/store/0000000000000000000000000000000${toString (builtins.stringLength name)}-${name}";
  };
  pkgs = {
    dockergate = drv "dockergate-0.1.0";
    bashInteractive = drv "bash-interactive-5.2";
    docker = drv "docker-27.5.1";
    writeText = name: text: drv name // { inherit text; };
    runCommand = name: env: script: drv name // { inherit env script; };
  };

  # The NixOS options the module sets or reads, as NixOS declares them
  # (types that merge the same way), without the rest of NixOS.
  standIn = {
    options = {
      assertions = mkOption { type = types.listOf types.unspecified; default = [ ]; };
      environment.etc = mkOption { type = types.attrsOf (types.attrsOf types.anything); default = { }; };
      systemd.tmpfiles.rules = mkOption { type = types.listOf types.str; default = [ ]; };
      systemd.services = mkOption { type = types.attrsOf types.attrs; default = { }; };
      systemd.timers = mkOption { type = types.attrsOf types.attrs; default = { }; };
      services.openssh.extraConfig = mkOption { type = types.lines; default = ""; };
      virtualisation.docker.enable = mkOption { type = types.bool; default = false; };
      virtualisation.docker.package = mkOption { type = types.package; default = pkgs.docker; };
      security.sudo.extraRules = mkOption { type = types.listOf types.attrs; default = [ ]; };
      users.groups = mkOption { type = types.attrsOf types.attrs; default = { }; };
      users.users = mkOption {
        default = { };
        type = types.attrsOf (types.submodule {
          freeformType = types.attrsOf types.anything;
          options.extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
          options.openssh.authorizedKeys.keys = mkOption { type = types.listOf types.str; default = [ ]; };
        });
      };
    };
  };

  c = (lib.evalModules {
    modules = [ standIn ../../nix/module.nix { _module.args.pkgs = pkgs; } case ];
  }).config;
  etc = c.environment.etc."dockergate/policy.yaml";
in
{
  failed = map (a: a.message) (lib.filter (a: !a.assertion) c.assertions);
  policy = c.services.dockergate.policyText;
  sshd = c.services.openssh.extraConfig;
  keys = lib.mapAttrs (n: u: u.openssh.authorizedKeys.keys) c.users.users;
  users = lib.mapAttrs (n: u: {
    inherit (u) extraGroups hashedPassword;
    shell = "${u.shell}";
  }) c.users.users;
  etcMode = etc.mode;
  checkScript = etc.source.script or "";
  tmpfiles = c.systemd.tmpfiles.rules;
  reapExec = c.systemd.services.dockergate-reap.serviceConfig.ExecStart or "";
  reapTimer = c.systemd.timers.dockergate-reap.timerConfig.OnUnitActiveSec or "";
}
