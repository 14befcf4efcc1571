-- Each row represents one company × channel × objective × week (Monday to Sunday, UTC) with at
-- least one original post: posts, posts per day (posts / 7) and how they performed at their
-- newest observation. Columns are defined in engagement_periods.
with final as (
    select
        company,
        channel,
        objective,
        period_start as week_start,
        posts,
        posts_per_day,
        posts_with_metrics,
        interactions,
        amplification,
        applause,
        conversation,
        bookmarks,
        impressions,
        interactions_per_post,
        amplification_per_post,
        applause_per_post,
        conversation_per_post,
        rated_posts,
        engagement_rate_by_followers,
        amplification_rate_by_followers,
        applause_rate_by_followers,
        conversation_rate_by_followers,
        impression_rated_posts,
        engagement_rate_by_impressions,
        posts_with_24h,
        interactions_24h_per_post,
        posts_with_7d,
        interactions_7d_per_post
    from engagement_periods
    where period = 'week'
)

select * from final
