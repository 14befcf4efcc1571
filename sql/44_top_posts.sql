-- Each row represents one original post (owned, not deleted, no reply or repost) that ranks in the
-- top 10 of its channel × objective × month (UTC) by engagement rate by followers — across all
-- companies (landscape_rank) or within its own company (company_rank). Ties fall to more
-- interactions, then post id; posts without a known rate rank last.
with ranked as (
    select
        month_start,
        channel,
        objective,
        company,
        is_focus,
        post_id,
        created_at,
        theme,
        title,
        text,
        url,
        interactions,
        followers,
        engagement_rate_by_followers,
        interactions_7d,
        rank() over (
            partition by
                channel,
                objective,
                month_start
            order by
                engagement_rate_by_followers desc nulls last,
                interactions desc nulls last,
                post_id
        ) as landscape_rank,
        rank() over (
            partition by
                company,
                channel,
                objective,
                month_start
            order by
                engagement_rate_by_followers desc nulls last,
                interactions desc nulls last,
                post_id
        ) as company_rank
    from post_performance
    where is_original
),

final as (
    select
        month_start,
        channel,
        objective,
        company,
        is_focus,
        post_id,
        created_at,
        theme,
        title,
        text,
        url,
        interactions,
        followers,
        engagement_rate_by_followers,
        interactions_7d,
        landscape_rank,
        company_rank
    from ranked
    where landscape_rank <= 10
        or company_rank <= 10
)

select * from final
