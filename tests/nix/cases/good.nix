# Two accounts: ai-worker with a ForceCommand, ci with per-key roles.
# Keys come from the environment (tests/check-nix.sh makes them).
{
  virtualisation.docker.enable = true;
  services.dockergate = {
    enable = true;
    reap.enable = true;
    reap.interval = "10min";
    policy.approvals = { ttl = "10m"; wait = "30s"; };
    policy.roles = {
      ai-worker.allow = [ "ps" { command = "run"; mounts = "named"; } ];
      ci.allow = [
        { command = "restart"; containers = [ "web" ]; }
        { command = "rm"; containers = [ "web" ]; approval = true; }
      ];
      observer.allow = [ "ps" ];
    };
    accounts.ai-worker.authorizedKeys = [ (builtins.getEnv "DG_KEY_AI") ];
    accounts.ci = {
      keyRoles.ci = [ (builtins.getEnv "DG_KEY_CI") ];
      keyRoles.observer = [ (builtins.getEnv "DG_KEY_OBS") ];
    };
  };
}
