# Docker off, the account in wheel and given a sudo rule: the old set-up.
{
  services.dockergate = {
    enable = true;
    policy.roles.ai-worker.allow = [ "ps" ];
    accounts.ai-worker.authorizedKeys = [ "ssh-ed25519 AAAA x" ];
  };
  users.users.ai-worker.extraGroups = [ "wheel" ];
  security.sudo.extraRules = [{
    users = [ "ai-worker" ];
    commands = [{ command = "/run/current-system/sw/bin/docker ps"; options = [ "NOPASSWD" ]; }];
  }];
}
