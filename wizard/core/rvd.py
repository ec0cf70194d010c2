"""The RVD's part of the advice (DESIGN reading 13): every request to the RVD that the agreement
or the checklist names, and nothing else. Meta's archive swap of an account of the post, and the
verifications the RVD arranges at a change of cabinet; a proposed handle is marked as the
rulebook's proposal, a handle not known yet as unknown (the finding keeps the session a
concept).
"""

from __future__ import annotations

from wizard.core.advice import Account, Predecessor, RvdRequest


def rvd_requests(
    platforms: dict[str, Account], predecessor: Predecessor | None
) -> list[RvdRequest]:
    requests = []
    for account in predecessor.accounts if predecessor else ():
        if account.rvd_request and account.kind == "office":
            requests.append(
                RvdRequest(
                    platform=account.platform,
                    platform_label=account.label,
                    request=account.action,
                    handle=account.handle,
                    handle_status="given" if account.handle else "unknown",
                    old_url=account.url or "",
                    new_url=account.archive_url or "",
                )
            )
    for key, account in platforms.items():
        if account.config.verification_by != "rvd":
            continue
        status = {"proposal": "proposal", "unknown": "unknown"}.get(account.handle_origin, "given")
        requests.append(
            RvdRequest(
                platform=key,
                platform_label=account.label,
                request="verification",
                handle=account.handle,
                handle_status=status,
                old_url=account.url or "",
                new_url="",
            )
        )
    return requests
